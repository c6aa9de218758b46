import pLimit, { type LimitFunction } from 'p-limit';
import type { MediaKind } from '../../db/repositories/ig-media.repository.js';
import type { IgMedia, ListMediaOptions } from '../../instagram/index.js';
import type { StepContext } from '../step.contract.js';
import { readWholeThread, startingWith } from './comment-thread.reader.js';
import {
  isWholeThread,
  itemsIn,
  needsCommentRead,
  rowsOfCommentPage,
  type ThreadRead,
} from './comment-threads.js';
import { parseGraphTime, toMediaUpsert } from './graph-records.js';
import { COMMON_MEDIA_METRICS, insightRows, metricsToRead } from './media-insights.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';
import { CommentWrites, markThreadsRead } from './comment-writes.js';
import { WriteBehind } from './write-behind.js';

/** How a pass asks for media pages: each brings first comment pages and common insights. */
export function mediaPageOptions(deps: StepDeps, context: StepContext): ListMediaOptions {
  const { options } = deps;
  return {
    // Instagram filters on creation time too; `add` does not rely on it.
    since: context.window.start,
    pageSize: options.mediaPageSize,
    withComments:
      options.expandedComments > 0 ? { limit: options.expandedComments, replies: true } : undefined,
    withInsights: COMMON_MEDIA_METRICS,
  };
}

/**
 * One pass over an account's media pages, newest first, down to the window start (the
 * profile step stores the first page, the media step the rest). Each page is stored in one
 * transaction behind the next call: its media, the lifetime insights that came nested, and
 * the whole threads of due media (see `needsCommentRead`). Due threads that overflow their
 * nested page are read on from it (`readWholeThread`), several at once, while the pages go
 * on. `finish` waits for all of it and throws the first failure.
 */
export class MediaPass {
  private readonly writes = new WriteBehind();
  private readonly threads: LimitFunction;
  /** Thread reads queued or running; each leaves the set when it ends. */
  private readonly threadReads = new Set<Promise<void>>();
  private threadFailure: { error: unknown } | undefined;
  private readonly comments: CommentWrites;
  private readonly staleBefore: Date;
  /** Media the pages listed, in the window or not. */
  listed = 0;
  /** A page went past the window start: the pass saw the whole window. */
  reachedStart = false;

  constructor(
    private readonly deps: StepDeps,
    private readonly context: StepContext,
    private readonly tally: StepTally,
    /** When the pass began (the first page's step): what it did not see since is gone. */
    private readonly seenAt: Date,
  ) {
    this.threads = pLimit(Math.max(1, deps.options.commentConcurrency));
    this.comments = new CommentWrites(deps, context, tally, seenAt);
    this.staleBefore = new Date(deps.options.now().getTime() - deps.options.commentStalenessMs);
  }

  /** Stores one page behind the next call; resolves once the page before it is stored. */
  async add(page: readonly IgMedia[]): Promise<void> {
    if (this.threadFailure) throw this.threadFailure.error;
    this.listed += page.length;
    const start = this.context.window.start;
    const media = page.filter((m) => parseGraphTime(m.timestamp) >= start);
    this.reachedStart ||= media.length < page.length;
    if (media.length === 0) return;
    const { whole, overflowing } = await this.dueThreads(media);
    const stored = await this.writes.push(() => this.store(media, whole));
    for (const m of overflowing) this.readOn(m, stored.done);
    // Each queued read holds its media's first comments page: the pages wait for the reads,
    // so memory stays at a few pages whatever the size of the account.
    const backlog = this.deps.options.commentConcurrency;
    while (this.threads.pendingCount > backlog) await Promise.race(this.threadReads);
  }

  /** Waits for every write and thread read of the pass. */
  async finish(): Promise<void> {
    await this.writes.drain();
    await Promise.all([...this.threadReads]);
    await this.comments.drain();
    if (this.threadFailure) throw this.threadFailure.error;
  }

  /** Due media of the page: whose thread came whole, and whose thread goes on. */
  private async dueThreads(media: IgMedia[]): Promise<{ whole: Due[]; overflowing: Due[] }> {
    if (this.deps.options.expandedComments === 0) return { whole: [], overflowing: [] };
    const stored = await this.deps.repos.media.findByIds(media.map((m) => m.id));
    const byId = new Map(stored.map((record) => [record.id, record]));
    const igUserId = this.context.account.igUserId;
    const due = media
      .filter((m) => needsCommentRead(byId.get(m.id), m.comments_count ?? null, this.staleBefore))
      .map((m) => ({
        media: m,
        read: {
          owner: { igUserId, mediaId: m.id },
          commentsCount: m.comments_count ?? null,
          mediaIsNew: !byId.has(m.id),
        },
      }));
    const whole = due.filter((d) => isWholeThread(d.media.comments, d.read.commentsCount));
    const overflowing = due.filter(
      (d) => !whole.includes(d) && (d.media.comments?.data.length ?? 0) > 0,
    );
    return { whole, overflowing };
  }

  /** Reads on, from its nested first page, a due thread that overflows it. */
  private readOn({ media, read: thread }: Due, stored: Promise<void>): void {
    const { deps, context } = this;
    const first = media.comments!;
    const read = this.threads(async () => {
      if (this.threadFailure) return;
      // The media row first: the thread's read is recorded on it.
      await stored;
      const rest = deps.graph.continueEdge(context.account, first, 'comments');
      await readWholeThread(deps, context, thread, startingWith(first, rest), this.comments);
    })
      .catch((error: unknown) => {
        this.threadFailure ??= { error };
      })
      .finally(() => this.threadReads.delete(read));
    this.threadReads.add(read);
  }

  /** One page: media, nested insights and the whole due threads, in one transaction. */
  private async store(media: IgMedia[], whole: Due[]): Promise<void> {
    const { repos, options } = this.deps;
    const igUserId = this.context.account.igUserId;
    const seenAt = this.seenAt;
    const comments = whole.flatMap(
      (d) => rowsOfCommentPage(d.read.owner, d.media.comments?.data ?? []).rows,
    );
    const now = options.now();
    const withInsights = media.filter((m) => m.insights !== undefined);
    const insights = withInsights.flatMap((m) =>
      insightRows(m.id, COMMON_MEDIA_METRICS, m.insights?.data ?? [], now),
    );
    // A media whose kind has more metrics (when asked for) still needs a read of its own.
    const complete = withInsights.filter(
      (m) => metricsToRead(this.deps, kindOf(m)) === COMMON_MEDIA_METRICS,
    );
    const written = await repos.inTransaction(async (tx) => {
      let n = await repos.media.upsertMany(
        media.map((m) => toMediaUpsert(igUserId, m)),
        seenAt,
        tx,
      );
      n += await repos.comments.upsertMany(comments, seenAt, tx);
      const reads = whole.map((d) => d.read);
      n += await markThreadsRead(repos, reads, { seenAt, now }, tx);
      n += await repos.mediaInsights.upsertMany(insights, tx);
      await repos.media.markInsightsFetched(
        complete.map((m) => m.id),
        now,
        tx,
      );
      return n;
    });
    const read = media.reduce((sum, m) => sum + 1 + itemsIn(m.comments), 0);
    this.tally.add({ read, written });
    await this.tally.checkpoint(this.context);
  }
}

/** A due media of a page, and its thread's read. */
interface Due {
  media: IgMedia;
  read: ThreadRead;
}

const kindOf = (m: IgMedia): MediaKind => ({
  id: m.id,
  mediaType: m.media_type,
  mediaProductType: m.media_product_type ?? null,
});
