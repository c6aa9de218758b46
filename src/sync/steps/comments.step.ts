import type { CommentSyncCandidate } from '../../db/repositories/ig-media.repository.js';
import { isGraphApiError, type GraphPage, type IgComment } from '../../instagram/index.js';
import type { StepContext, StepCounts, SyncStep } from '../step.contract.js';
import { mapBounded } from './bounded.js';
import { readWholeThread } from './comment-thread.reader.js';
import type { StepDeps } from './step-deps.js';
import { StepTally } from './step-tally.js';
import { CommentWrites } from './comment-writes.js';

/**
 * Step 3: reads in full the comments of the window's media that are still due (never read,
 * count changed, or last read older than the staleness). The media pages brought each media's
 * first comments page, and the steps that read them went on reading the threads that were
 * due, so what is left here is what they could not read (Instagram left the nested edge out,
 * or the media was not on a page). Top-level comments newest first, 50 a page with their
 * first replies page, plus calls for reply pages that overflow; each page is upserted as it
 * comes, so memory stays flat. Several media at once, bounded.
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
    const writes = new CommentWrites(this.deps, context, tally, context.attemptStartedAt);
    const failure = await mapBounded(candidates, options.commentConcurrency, (candidate) =>
      this.syncMedia(context, candidate, tally, writes),
    ).then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    // The threads read whole before a failure stay read: a retry does not read them again.
    await writes.drain().catch((error: unknown) => {
      if (!failure) throw error;
    });
    if (failure) throw failure.error;
    return tally.counts;
  }

  private async syncMedia(
    context: StepContext,
    candidate: CommentSyncCandidate,
    tally: StepTally,
    writes: CommentWrites,
  ): Promise<void> {
    const { mediaId, commentsCount } = candidate;
    const owner = { igUserId: context.account.igUserId, mediaId };
    // comments_count counts replies too: 0 means there is nothing to read, so no call.
    const pages: AsyncIterable<GraphPage<IgComment>> =
      commentsCount === 0
        ? (async function* () {})()
        : this.deps.graph.listComments(context.account, mediaId, { replies: true });
    const thread = { owner, commentsCount, mediaIsNew: false };
    try {
      await readWholeThread(this.deps, context, thread, pages, writes);
    } catch (error) {
      // The media went away since the media step (100/33): the next media pass marks it.
      if (!isGraphApiError(error, 'skippable')) throw error;
      context.logger.info({ mediaId, error }, 'comments skipped');
      tally.add({ skipped: 1 });
      await tally.checkpoint(context);
    }
  }
}
