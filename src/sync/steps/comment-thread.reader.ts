import type { GraphPage, IgComment } from '../../instagram/index.js';
import type { StepContext } from '../step.contract.js';
import { rowsOfCommentPage, type ThreadRead } from './comment-threads.js';
import { toCommentUpsert } from './graph-records.js';
import type { StepDeps } from './step-deps.js';
import type { CommentWrites } from './comment-writes.js';

/**
 * Reads a whole thread from `pages` (top-level comments newest first, each with its first
 * replies page), handing every page to `writes` (stored behind the next calls) and following
 * each reply page that continues. After the last page, the read goes to `writes` too (comments
 * not seen are marked deleted and the media recorded as read at its count) — unless nothing
 * came while Instagram counts comments: that is not a read of the thread, so nothing is marked
 * and the media stays due.
 */
export async function readWholeThread(
  deps: StepDeps,
  context: StepContext,
  thread: ThreadRead,
  pages: AsyncIterable<GraphPage<IgComment>>,
  writes: CommentWrites,
): Promise<void> {
  let read = 0;
  for await (const page of pages) {
    const { rows, overflowing } = rowsOfCommentPage(thread.owner, page.data);
    read += rows.length;
    await writes.addRows(rows);
    for (const parent of overflowing) {
      for await (const more of deps.graph.continueEdge(
        context.account,
        parent.replies,
        'replies',
      )) {
        const replies = more.data.map((reply) => toCommentUpsert(thread.owner, reply, parent.id));
        read += replies.length;
        await writes.addRows(replies);
      }
    }
  }
  if (isRead(context, thread, read)) await writes.threadRead(thread);
}

/** The read is whole, unless nothing came while Instagram counts comments. */
function isRead(context: StepContext, thread: ThreadRead, read: number): boolean {
  if (read > 0 || (thread.commentsCount ?? 0) === 0) return true;
  const { mediaId } = thread.owner;
  const commentsCount = thread.commentsCount;
  context.logger.warn({ mediaId, commentsCount }, 'comments came back empty; not marked');
  return false;
}

/** `first`, then the pages after it. */
export async function* startingWith<T>(
  first: GraphPage<T>,
  rest: AsyncIterable<GraphPage<T>>,
): AsyncIterable<GraphPage<T>> {
  yield first;
  yield* rest;
}
