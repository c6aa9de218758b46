import { DateTime } from 'luxon';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import {
  collectEvents,
  startTestService,
  type ProgressEvent,
  type TestService,
} from '../../support/service.js';
import { TEST_ENGINES } from '../../support/databases.js';
import { ACCOUNT_QUERY as ACCOUNT, servedMedia } from '../../support/synced-data.js';

const START = `mutation($userNo: Int, $months: Int) { startInstagramSync(userNo: $userNo, months: $months) {
  executionId status message executionType targetUserNo monthsToSync deduplicated executionTime } }`;
const EXECUTION = `query($id: ID!) { batchExecution(id: $id) { id status executionType monthsToSync targetUserNo windowStart
  startedAt endedAt durationMs steps { name status readCount writeCount skipCount failures { userNo errorCode error } durationMs } } }`;
describe.each(TEST_ENGINES)('a full sync run on %s', (engine) => {
  let service: TestService;
  let executionId: string;
  let events: ProgressEvent[];
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    service = await startTestService({
      engine,
      // Latency keeps the insights step over several poll intervals (the report rule is tested on it).
      fake: { accounts: 3, media: 24, comments: 8, seed: 11, latencyMs: 40 },
      app: { logger: pino({ level: 'info' }, logStream) },
    });
    await service.connectAll();
    const launch = await service.gql<{
      startInstagramSync: {
        executionId: string;
        status: string;
        message: string;
        deduplicated: boolean;
      };
    }>(START, { months: 3 });
    expect(launch.errors).toBeUndefined();
    executionId = launch.data!.startInstagramSync.executionId;
    events = await collectEvents(service.ws(), executionId, 0);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('streams the run in order: queued, started, each step started and completed in order, completed', () => {
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const milestones = events
      .filter((e) => e.type !== 'STEP_PROGRESS')
      .map((e) => (e.step ? `${e.type}:${e.step}` : e.type));
    expect(milestones).toEqual([
      'RUN_QUEUED',
      'RUN_STARTED',
      'STEP_STARTED:profile',
      'STEP_COMPLETED:profile',
      'STEP_STARTED:media',
      'STEP_COMPLETED:media',
      'STEP_STARTED:comments',
      'STEP_COMPLETED:comments',
      'STEP_STARTED:insights',
      'STEP_COMPLETED:insights',
      'RUN_COMPLETED',
    ]);
    const completed = events.filter((e) => e.type === 'STEP_COMPLETED');
    for (const step of completed) expect(step.progress).toMatchObject({ done: 3, total: 3 });
  });

  it('reports progress at most four times a second per step, each report counting forward', () => {
    const reportsOf = (step: string) =>
      events.filter((e) => e.type === 'STEP_PROGRESS' && e.step === step);
    const steps = ['profile', 'media', 'comments', 'insights'];
    // Without reports, or with one per step, the spacing rule below would hold vacuously.
    expect(steps.filter((step) => reportsOf(step).length >= 2).length).toBeGreaterThan(0);
    for (const step of steps) {
      const reports = reportsOf(step);
      for (const [i, report] of reports.entries()) {
        if (i === 0) continue;
        const previous = reports[i - 1]!;
        // setTimeout may fire up to a millisecond early; the driver waits 250 ms between looks.
        expect(Date.parse(report.at) - Date.parse(previous.at)).toBeGreaterThanOrEqual(248);
        expect(report.progress!.done).toBeGreaterThanOrEqual(previous.progress!.done);
        expect(report.progress!.items).toBeGreaterThanOrEqual(previous.progress!.items);
      }
    }
  });

  it('replays the same events to a late subscriber, and only the later ones after afterSeq', async () => {
    expect(await collectEvents(service.ws(), executionId, 0)).toEqual(events);
    expect(await collectEvents(service.ws(), executionId, 4)).toEqual(events.slice(4));
  });

  it('records the run and its four steps with counts and durations', async () => {
    const result = await service.gql<{
      batchExecution: {
        status: string;
        executionType: string;
        monthsToSync: number;
        durationMs: number;
        steps: Array<{
          name: string;
          status: string;
          readCount: number;
          writeCount: number;
          failures: unknown[];
        }>;
      };
    }>(EXECUTION, { id: executionId });
    const run = result.data!.batchExecution;
    expect(run).toMatchObject({
      status: 'COMPLETED',
      executionType: 'manual_async',
      monthsToSync: 3,
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.steps.map((s) => [s.name, s.status])).toEqual([
      ['profile', 'COMPLETED'],
      ['media', 'COMPLETED'],
      ['comments', 'COMPLETED'],
      ['insights', 'COMPLETED'],
    ]);
    for (const step of run.steps) expect(step.failures).toEqual([]);
    // The window's media fit in the first page, which came with the profile: the media and
    // comments steps had nothing left to write.
    expect(run.steps.map((s) => s.writeCount > 0)).toEqual([true, false, false, true]);
  });

  it("stores exactly the fake's profile, media and comments inside the window", async () => {
    const run = (
      await service.gql<{ batchExecution: { windowStart: string } }>(EXECUTION, { id: executionId })
    ).data!.batchExecution;
    const windowStart = new Date(run.windowStart).getTime();
    for (const [index, account] of service.fake.data.accounts.entries()) {
      const profile = (
        await service.gql<{ instagramAccount: { profile: Record<string, unknown> } }>(ACCOUNT, {
          userNo: index + 1,
        })
      ).data!.instagramAccount.profile;
      expect(profile).toEqual({
        username: account.profile.username,
        followersCount: account.profile.followers_count,
        followsCount: account.profile.follows_count,
        mediaCount: account.profile.media_count,
        biography: account.profile.biography,
      });
      const expected = account.media.filter(
        (m) => !m.deleted && Date.parse(m.timestamp.replace('+0000', 'Z')) >= windowStart,
      );
      const stored = await servedMedia(service, index + 1);
      expect(stored.map((m) => m.id)).toEqual(expected.map((m) => m.id));
      for (const [i, media] of stored.entries()) {
        const truth = expected[i]!;
        expect(media).toMatchObject({
          caption: truth.caption === '' ? null : truth.caption,
          mediaType: truth.media_type,
          mediaProductType: truth.media_product_type,
          likeCount: truth.like_count,
          commentsCount: truth.comments_count,
        });
        expect(new Date(media.timestamp).getTime()).toBe(
          Date.parse(truth.timestamp.replace('+0000', 'Z')),
        );
        if (truth.comments.length <= 100) {
          expect(media.comments.edges.map((e) => [e.node.id, e.node.text])).toEqual(
            truth.comments.map((c) => [c.id, c.text]),
          );
          const replies = media.comments.edges
            .flatMap((e) => e.node.replies.map((r) => r.text))
            .sort();
          expect(replies).toEqual(
            truth.comments.flatMap((c) => c.replies.map((r) => r.text)).sort(),
          );
        }
      }
    }
  });

  it("stores the fake's daily account insights, keeping days not yet measured apart from 0", async () => {
    const account = service.fake.data.accounts[0]!;
    // Instagram's days are Pacific days; yesterday there is always inside the window.
    const day = (offset: number) =>
      DateTime.now().setZone('America/Los_Angeles').minus({ days: offset }).toISODate()!;
    const result = await service.gql<{
      instagramAccount: {
        insights: Array<{ metric: string; period: string; date: string; value: number | null }>;
      };
    }>(
      'query($since: String!, $until: String!) { instagramAccount(userNo: 1) { insights(metrics: ["reach", "likes"], since: $since, until: $until) { metric period date value } } }',
      { since: day(10), until: day(1) },
    );
    const rows = result.data!.instagramAccount.insights;
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      expect(row.value).toBe(
        service.fake.data.accountInsight(account.igUserId, row.metric, 'day', row.date),
      );
    }
  });

  it("keeps the day's followers, follows and media counts as the account's history, and bounds the range", async () => {
    const account = service.fake.data.accounts[0]!;
    const today = DateTime.now().setZone('Asia/Seoul').toISODate()!;
    const history = (since: string, until: string) =>
      service.gql<{ instagramAccount: { followersHistory: unknown[] } }>(
        'query($since: String!, $until: String!) { instagramAccount(userNo: 1) { followersHistory(since: $since, until: $until) { date followersCount followsCount mediaCount } } }',
        { since, until },
      );
    const stored = await history(
      '2020-01-01',
      today.replace(/^\d{4}/, (y) => String(+y + 1)),
    );
    expect(stored.errors?.[0]?.message).toMatch(/spans \d+ days; at most 731/);
    expect(stored.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // The run stored one snapshot, dated its own day in Seoul (today, or yesterday past midnight).
    const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
    const result = await history(DateTime.fromISO(today).minus({ days: 365 }).toISODate()!, today);
    expect(result.data!.instagramAccount.followersHistory).toEqual([
      {
        date: expect.stringMatching(new RegExp(`^(${today}|${yesterday})$`)),
        followersCount: account.profile.followers_count,
        followsCount: account.profile.follows_count,
        mediaCount: account.profile.media_count,
      },
    ]);
  });

  it("logs the old service's lines as structured records, and never a token", () => {
    const messages = logLines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^=== Instagram 배치 작업 시작 === 작업 ID: ${executionId}, 작업 이름: instagramSyncJob, 시작 시간: `,
        ),
      ),
    );
    for (const step of ['profileSyncStep', 'mediaSyncStep', 'commentSyncStep', 'insightSyncStep']) {
      expect(messages).toContainEqual(
        expect.stringContaining(`=== Instagram 배치 단계 시작 === 단계 이름: ${step}`),
      );
      expect(messages).toContainEqual(
        expect.stringMatching(
          new RegExp(`=== Instagram 배치 단계 완료 === 단계 이름: ${step}, 단계 실행 시간: \\d+ms`),
        ),
      );
    }
    expect(messages).toContainEqual('사용자 2 insights 동기화 완료');
    expect(messages).toContainEqual(
      expect.stringMatching(
        /총 실행 시간: \d+ms \(\d+초\), 배치 작업 성공적으로 완료되었습니다\.$/,
      ),
    );
    const all = logLines.join('\n');
    for (const account of service.fake.data.accounts)
      expect(all).not.toContain(account.accessToken);
  });
});
