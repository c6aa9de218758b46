import type { CommentUpsert } from '../../db/repositories/ig-comment.repository.js';
import type { QueryOptions } from '../../db/repositories/query-options.js';
import type { SyncedDataRepositories } from '../../db/repositories/create-repositories.js';
import type { StepContext } from '../step.contract.js';
import type { ThreadRead } from './comment-threads.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';
import { WriteBehind } from './write-behind.js';

/**
 * Comment rows gathered before a write (three or four INSERT statements of 500 rows). Fewer,
 * larger transactions: on SQLite, BEGIN and COMMIT were a third of the process's write turn,
 * and 1,500 rather than 500 stored 4–17 % more comment rows a second (interleaved (writes)
 * runs), for about 1 MB more held per account step.
 */
export const COMMENT_ROW_BATCH = 1500;
/** Whole-thread reads gathered before a write. */
export const THREAD_MARK_BATCH = 25;

/**
 * The comment writes of one account step, gathered across its threads: pages of comments
 * and replies, and what each whole-thread read leaves behind (see {@link markThreadsRead}).
 * Every read of the step began at `seenAt`. A write goes once 1,500 rows or 25 reads wait,
 * behind the calls, in one transaction: the rows first, then the marks, so a read is never
 * recorded before its rows. Writes run one at a time in order; at most one waits behind
 * another (the caller is held back), so memory stays at a batch or two. A mark lost with its
 * process leaves its media due: the next attempt reads that thread again.
 */
export class CommentWrites {
  private rows: CommentUpsert[] = [];
  private reads: ThreadRead[] = [];
  private readonly writes = new WriteBehind();

  constructor(
    private readonly deps: StepDeps,
    private readonly context: StepContext,
    private readonly tally: StepTally,
    /** When the step's reads began: comments of a read media not seen since are gone. */
    private readonly seenAt: Date,
  ) {}

  /** A page of one thread's comments or replies. */
  async addRows(rows: readonly CommentUpsert[]): Promise<void> {
    this.rows.push(...rows);
    if (this.rows.length >= COMMENT_ROW_BATCH) await this.flush();
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
    if (this.rows.length === 0 && this.reads.length === 0) return;
    const { rows, reads, seenAt } = this;
    this.rows = [];
    this.reads = [];
    const { repos, options } = this.deps;
    await this.writes.push(async () => {
      const written = await repos.inTransaction(async (tx) => {
        const n = await repos.comments.upsertMany(rows, seenAt, tx);
        return n + (await markThreadsRead(repos, reads, { seenAt, now: options.now() }, tx));
      });
      this.tally.add({ read: rows.length, written });
      await this.tally.checkpoint(this.context);
    });
  }
}

/**
 * What whole-thread reads leave behind, in two statements for all of them: the comments and
 * replies of their media not seen since `seenAt` are marked deleted (but for media new to
 * this pass, which have none stored), and each media is recorded as read at its count.
 * Returns how many comments were marked.
 */
export async function markThreadsRead(
  repos: SyncedDataRepositories,
  reads: readonly ThreadRead[],
  at: { seenAt: Date; now: Date },
  tx: QueryOptions,
): Promise<number> {
  if (reads.length === 0) return 0;
  const known = reads.filter((r) => !r.mediaIsNew).map((r) => r.owner.mediaId);
  const scope = { mediaIds: known, seenAt: at.seenAt, deletedAt: at.now };
  const marked = await repos.comments.markUnseenAsDeleted(scope, tx);
  const counts = reads.map((r) => ({ mediaId: r.owner.mediaId, commentsCount: r.commentsCount }));
  await repos.media.markCommentsSynced(counts, at.now, tx);
  return marked;
}
