import {
  createFakeGraphApi,
  type FakeAccount,
  type FakeComment,
  type FakeGraphApi,
  type FakeGraphApiOptions,
  type FakeMedia,
} from '@instagram-sync/fake-instagram-graph-api';
import type { SyncedDataRepositories } from '../../src/db/repositories/create-repositories.js';
import type { CommentUpsert } from '../../src/db/repositories/ig-comment.repository.js';
import type { MediaUpsert } from '../../src/db/repositories/ig-media.repository.js';
import type { StepName } from '../../src/runs/run.vocabulary.js';
import { GraphApiClient } from '../../src/instagram/index.js';
import { STEP_NAMES, type StepCounts, type StepHandoff } from '../../src/sync/step.contract.js';
import { createSteps, type SyncStepOptions } from '../../src/sync/steps/index.js';
import { syncWindow, type SyncWindow } from '../../src/sync/sync-window.js';
import { stepContext, type RecordingStepContext } from './step-context.js';

export const TIMEZONE = 'Asia/Seoul';
/** 03:00 on 21 November in Seoul, still 20 November in UTC and in Instagram's days. */
export const NOW = new Date('2026-11-20T18:00:00.000Z');
const HOUR_MS = 3_600_000;

export interface RunOptions {
  account?: number;
  steps?: SyncStepOptions;
  cancelAfterCheckpoints?: number;
}

export interface StepRun {
  counts: StepCounts;
  context: RecordingStepContext;
}

/** One fake Graph API (its own seed, so its ids never meet another test's) and the steps on it. */
export interface StepsHarness {
  fake: FakeGraphApi;
  repos: SyncedDataRepositories;
  window: SyncWindow;
  account(index?: number): FakeAccount;
  /** Moves the clock of the fake and of the steps forward. */
  advanceHours(hours: number): void;
  /** The clock of the fake and of the steps. */
  now(): Date;
  /** Runs one step for one account, as a run's attempt would. */
  run(step: StepName, options?: RunOptions): Promise<StepRun>;
  /** Runs `step` and keeps its rejection. */
  runFailing(step: StepName, options?: RunOptions): Promise<unknown>;
  /** Requests the fake received after `from` (an index into `fake.requests`). */
  requestsSince(from: number): FakeGraphApi['requests'];
  close(): Promise<void>;
}

export async function startHarness(
  repos: SyncedDataRepositories,
  fakeOptions: FakeGraphApiOptions & { seed: number },
  settings: { months?: number; steps?: SyncStepOptions } = {},
): Promise<StepsHarness> {
  let now = NOW;
  const fake = await createFakeGraphApi({
    accounts: 1,
    media: 30,
    comments: 6,
    now: () => now,
    ...fakeOptions,
  });
  const graph = new GraphApiClient(
    { graphApi: { url: fake.url, version: 'v25.0', timeoutMs: 5_000, maxRetries: 1 } },
    { retryBaseDelayMs: 1, retryMaxDelayMs: 5, throttleBaseDelayMs: 5 },
  );
  const window = syncWindow(settings.months ?? 6, TIMEZONE, NOW);
  let attempts = 0;
  /** What each step last handed on, per account: a later step gets its predecessor's. */
  const handoffs = new Map<string, StepHandoff | null>();
  const account = (index = 0): FakeAccount => {
    const found = fake.data.accounts[index];
    if (!found) throw new Error(`no fake account ${index}`);
    return found;
  };
  const stepsWith = (steps?: SyncStepOptions) =>
    createSteps({ graph, repos, options: { now: () => now, ...settings.steps, ...steps } });
  // Built once, as the app builds them once per process (what they learn about the API stays);
  // a run with step options of its own gets steps of its own.
  const shared = stepsWith();
  const run = async (step: StepName, options: RunOptions = {}) => {
    const steps = options.steps ? stepsWith(options.steps) : shared;
    const { igUserId, accessToken } = account(options.account);
    attempts += 1;
    const previous = STEP_NAMES[STEP_NAMES.indexOf(step) - 1];
    const context = stepContext({
      account: { userNo: 1 + (options.account ?? 0), igUserId, accessToken },
      window,
      attemptStartedAt: new Date(now.getTime() + attempts * 1000),
      cancelAfterCheckpoints: options.cancelAfterCheckpoints,
      handedOn: previous ? (handoffs.get(`${igUserId}|${previous}`) ?? null) : null,
    });
    const counts = await steps.get(step)!.run(context);
    handoffs.set(`${igUserId}|${step}`, context.handedOnToNext());
    return { counts, context };
  };
  return {
    fake,
    repos,
    window,
    account,
    advanceHours(hours) {
      now = new Date(now.getTime() + hours * HOUR_MS);
    },
    now: () => now,
    run,
    runFailing: (step, options) =>
      run(step, options).then(
        () => {
          throw new Error(`step ${step} did not fail`);
        },
        (error: unknown) => error,
      ),
    requestsSince: (from) => fake.requests.slice(from),
    async close() {
      graph.close();
      await fake.close();
    },
  };
}

export const graphTime = (text: string): Date => new Date(text.replace('+0000', 'Z'));

/** The account's live media inside the window, as Instagram has them, newest first. */
export function fakeMediaInWindow(account: FakeAccount, window: SyncWindow): FakeMedia[] {
  return account.media.filter((m) => !m.deleted && graphTime(m.timestamp) >= window.start);
}

/** A fake media as the media step should store it. */
export function expectedMedia(m: FakeMedia, igUserId: string): MediaUpsert {
  return {
    id: m.id,
    igUserId,
    caption: m.caption === '' ? null : m.caption,
    mediaType: m.media_type,
    mediaProductType: m.media_product_type,
    mediaUrl: m.media_url ?? null,
    thumbnailUrl: m.thumbnail_url ?? null,
    permalink: m.permalink,
    shortcode: m.shortcode,
    timestamp: graphTime(m.timestamp),
    likeCount: m.like_count,
    commentsCount: m.comments_count,
    isCommentEnabled: m.is_comment_enabled,
    children:
      m.children?.map((c) => ({
        id: c.id,
        mediaType: c.media_type,
        mediaUrl: c.media_url,
        thumbnailUrl: c.thumbnail_url ?? null,
      })) ?? null,
  };
}

/** The live media the database holds for `igUserId`, in the media step's fields. */
export async function storedMedia(
  repos: SyncedDataRepositories,
  igUserId: string,
): Promise<MediaUpsert[]> {
  const page = await repos.media.findPage({ igUserId, first: 10_000 });
  return page.items.map(
    ({ commentsSyncedAt: _a, commentsSyncedCount: _b, deletedAt: _c, lastSeenAt: _d, ...media }) =>
      media,
  );
}

function commentRow(c: FakeComment, igUserId: string): CommentUpsert {
  return {
    id: c.id,
    mediaId: c.mediaId,
    igUserId,
    parentId: c.parent_id ?? null,
    text: c.text,
    username: c.username,
    likeCount: c.like_count,
    hidden: c.hidden,
    timestamp: graphTime(c.timestamp),
  };
}

const byId = <T extends { id: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Every comment and reply Instagram has on `media`, as rows, by id. */
export function expectedComments(media: FakeMedia[], igUserId: string): CommentUpsert[] {
  return byId(
    media.flatMap((m) =>
      m.comments.flatMap((c) => [c, ...c.replies]).map((c) => commentRow(c, igUserId)),
    ),
  );
}

/** The live comments and replies the database holds for `mediaIds`, by id. */
export async function storedComments(
  repos: SyncedDataRepositories,
  mediaIds: string[],
): Promise<CommentUpsert[]> {
  const rows: CommentUpsert[] = [];
  for (const mediaId of mediaIds) {
    const top = (await repos.comments.findTopLevelPage(mediaId, { first: 10_000 })).items;
    const replies = await repos.comments.findRepliesByParentIds(top.map((c) => c.id));
    rows.push(...[...top, ...replies].map(({ deletedAt: _a, lastSeenAt: _b, ...c }) => c));
  }
  return byId(rows);
}

/** Requests to `/{id}/comments` or `/{id}/replies`, by the id in their path. */
export function commentReads(requests: FakeGraphApi['requests']): string[] {
  return requests
    .map((r) => /\/([^/]+)\/(comments|replies)$/.exec(r.path))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}/${m[2]}`);
}
