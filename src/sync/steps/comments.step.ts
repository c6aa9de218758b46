import type { CommentUpsert } from '../../db/repositories/ig-comment.repository.js';
import type { CommentSyncCandidate } from '../../db/repositories/ig-media.repository.js';
import { isGraphApiError, type IgAccount, type IgComment } from '../../instagram/index.js';
import type { StepContext, StepCounts, SyncStep } from '../step.contract.js';
import { mapBounded } from './bounded.js';
import { rowsOfCommentPage, type CommentOwner } from './comment-threads.js';
import { toCommentUpsert } from './graph-records.js';
import type { StepDeps } from './step-deps.js';
import { StepTally } from './step-tally.js';

/**
 * Step 3: reads in full the comments of the window's media that are due (never read, count
 * changed, or last read older than the staleness; whole threads that came with the media pages
 * were stored by the media step already). Top-level comments newest first, 50 a page with
 * their first replies page, plus calls for reply pages that overflow; each page is upserted as
 * it comes, so memory stays flat. After a full read, comments not seen are marked deleted and
 * the media is recorded as read with its `comments_count`. Several media at once, bounded.
 */
export class CommentsStep implements SyncStep {
  readonly name = 'comments' as const;

  constructor(private readonly deps: StepDeps) {}

  async run(context: StepContext): Promise<StepCounts> {
    const { repos, options } = this.deps;
    const tally = new StepTally();
    const candidates = await repos.media.findCommentSyncCandidates({
      igUserId: context.account.igUserId,
      windowStart: context.window.start,
      staleBefore: new Date(options.now().getTime() - options.commentStalenessMs),
    });
    await mapBounded(candidates, options.commentConcurrency, (candidate) =>
      this.syncMedia(context, candidate, tally),
    );
    return tally.counts;
  }

  private async syncMedia(
    context: StepContext,
    candidate: CommentSyncCandidate,
    tally: StepTally,
  ): Promise<void> {
    const { repos, options } = this.deps;
    const { mediaId, commentsCount } = candidate;
    const seenAt = context.attemptStartedAt;
    let read = 0;
    try {
      // comments_count counts replies too: 0 means there is nothing to read, so no call.
      if (commentsCount !== 0) read = await this.readAll(context, mediaId, tally);
    } catch (error) {
      // The media went away since the media step (100/33): the next media pass marks it.
      if (!isGraphApiError(error, 'skippable')) throw error;
      context.logger.info({ mediaId, error }, 'comments skipped');
      tally.add({ skipped: 1 });
      return tally.checkpoint(context);
    }
    if (read === 0 && (commentsCount ?? 0) > 0) {
      // An empty first page while Instagram counts comments is not a read of the thread:
      // marking now would delete every stored comment. Left due, so the next run reads again.
      context.logger.warn({ mediaId, commentsCount }, 'comments came back empty; not marked');
      return;
    }
    const now = options.now();
    const marked = await repos.inTransaction(async (tx) => {
      const n = await repos.comments.markUnseenAsDeleted({ mediaId, seenAt, deletedAt: now }, tx);
      await repos.media.markCommentsSynced([{ mediaId, commentsCount }], now, tx);
      return n;
    });
    tally.add({ written: marked });
    await tally.checkpoint(context);
  }

  /** Every comment and reply of one media, page by page; how many rows it read. */
  private async readAll(context: StepContext, mediaId: string, tally: StepTally): Promise<number> {
    const { graph } = this.deps;
    const { account } = context;
    const owner = { igUserId: account.igUserId, mediaId };
    let read = 0;
    for await (const page of graph.listComments(account, mediaId, { replies: true })) {
      const { rows, overflowing } = rowsOfCommentPage(owner, page.data);
      read += rows.length;
      await this.store(context, rows, tally);
      for (const parent of overflowing) {
        await this.readMoreReplies(context, account, owner, parent, tally);
      }
    }
    return read;
  }

  /** The reply pages after the one that came expanded with `parent`. */
  private async readMoreReplies(
    context: StepContext,
    account: IgAccount,
    owner: CommentOwner,
    parent: IgComment,
    tally: StepTally,
  ): Promise<void> {
    for await (const page of this.deps.graph.continueEdge(account, parent.replies, 'replies')) {
      const rows = page.data.map((reply) => toCommentUpsert(owner, reply, parent.id));
      await this.store(context, rows, tally);
    }
  }

  private async store(
    context: StepContext,
    rows: CommentUpsert[],
    tally: StepTally,
  ): Promise<void> {
    const written = await this.deps.repos.comments.upsertMany(rows, context.attemptStartedAt);
    tally.add({ read: rows.length, written });
    await tally.checkpoint(context);
  }
}
