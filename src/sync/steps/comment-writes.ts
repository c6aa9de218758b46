import type { CommentUpsert } from '../../db/repositories/ig-comment.repository.js';
import type { QueryOptions } from '../../db/repositories/query-options.js';
import type { StepContext } from '../step.contract.js';
import type { ThreadRead } from './comment-threads.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';
import { WriteBehind } from './write-behind.js';

/** Comment rows gathered before a write (one or two INSERT statements). */
export const COMMENT_ROW_BATCH = 500;
/** Whole-thread reads gathered before a write. */
export const THREAD_MARK_BATCH = 25;

/**
 * The comment writes of one account step, gathered across its threads: pages of comments
 * and replies, and what each whole-thread read leaves behind (the comments it did not see
 * marked deleted, its media recorded as read at its count). A write goes once 500 rows or 25
 * reads wait, behind the calls, in one transaction: the rows first, then the marks, so a
 * read is never recorded before its rows. Writes run one at a time in order; at most one
 * waits behind another (the caller is held back), so memory stays at a batch or two. A mark
 * lost with its process leaves its media due: the next attempt reads that thread again.
 */
export class CommentWrites {
  private rows = new Map<number, CommentUpsert[]>();
  private rowCount = 0;
  private reads: ThreadRead[] = [];
  private readonly writes = new WriteBehind();

  constructor(
    private readonly deps: StepDeps,
    private readonly context: StepContext,
    private readonly tally: StepTally,
  ) {}

  /** A page of one thread's comments or replies, all seen at `seenAt`. */
  async addRows(rows: readonly CommentUpsert[], seenAt: Date): Promise<void> {
    const waiting = this.rows.get(seenAt.getTime()) ?? [];
    waiting.push(...rows);
    this.rows.set(seenAt.getTime(), waiting);
    this.rowCount += rows.length;
    if (this.rowCount >= COMMENT_ROW_BATCH) await this.flush();
    // Between pages: where a cancelled run or a stopping worker is noticed.
    await this.tally.checkpoint(this.context);
  }

  /** Records `thread` as read in full; every page of it must have been added. */
  async threadRead(thread: ThreadRead): Promise<void> {
    this.reads.push(thread);
    if (this.reads.length >= THREAD_MARK_BATCH) await this.flush();
  }

  /** Writes everything still waiting; throws the first write that failed. */
  async drain(): Promise<void> {
    await this.flush();
    await this.writes.drain();
  }

  private async flush(): Promise<void> {
    if (this.rowCount === 0 && this.reads.length === 0) return;
    const rows = this.rows;
    const reads = this.reads;
    const read = this.rowCount;
    this.rows = new Map();
    this.rowCount = 0;
    this.reads = [];
    await this.writes.push(async () => {
      const written = await this.deps.repos.inTransaction(async (tx) => {
        let n = 0;
        for (const [seenAt, batch] of rows)
          n += await this.deps.repos.comments.upsertMany(batch, new Date(seenAt), tx);
        return n + (await this.mark(reads, tx));
      });
      this.tally.add({ read, written });
      await this.tally.checkpoint(this.context);
    });
  }

  private async mark(reads: readonly ThreadRead[], tx: QueryOptions): Promise<number> {
    if (reads.length === 0) return 0;
    const { repos, options } = this.deps;
    const now = options.now();
    const bySeenAt = new Map<number, string[]>();
    for (const { seenAt, owner } of reads) {
      const ids = bySeenAt.get(seenAt.getTime()) ?? [];
      ids.push(owner.mediaId);
      bySeenAt.set(seenAt.getTime(), ids);
    }
    let marked = 0;
    for (const [seenAt, mediaIds] of bySeenAt) {
      marked += await repos.comments.markUnseenAsDeleted(
        { mediaIds, seenAt: new Date(seenAt), deletedAt: now },
        tx,
      );
    }
    const counts = reads.map((r) => ({ mediaId: r.owner.mediaId, commentsCount: r.commentsCount }));
    await repos.media.markCommentsSynced(counts, now, tx);
    return marked;
  }
}
