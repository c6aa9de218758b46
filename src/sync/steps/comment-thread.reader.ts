import type { CommentUpsert } from '../../db/repositories/ig-comment.repository.js';
import type { GraphPage, IgComment } from '../../instagram/index.js';
import type { StepContext } from '../step.contract.js';
import { rowsOfCommentPage, type CommentOwner } from './comment-threads.js';
import { toCommentUpsert } from './graph-records.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';
import { WriteBehind } from './write-behind.js';

/** One media's thread to read in full. */
export interface ThreadRead {
  owner: CommentOwner;
  /** The media's `comments_count` when its thread was read (counts replies). */
  commentsCount: number | null;
  /** When the pages began to be read: comments of the media not seen since are gone. */
  seenAt: Date;
}

/**
 * Reads a whole thread from `pages` (top-level comments newest first, each with its first
 * replies page), storing every page behind the next call and following each reply page that
 * continues. After the last page, comments not seen are marked deleted and the media is
 * recorded as read at its count — unless nothing came while Instagram counts comments: that
 * is not a read of the thread, so nothing is marked and the media stays due.
 */
export async function readWholeThread(
  deps: StepDeps,
  context: StepContext,
  tally: StepTally,
  thread: ThreadRead,
  pages: AsyncIterable<GraphPage<IgComment>>,
): Promise<void> {
  const writes = new WriteBehind();
  const store = (rows: CommentUpsert[]) =>
    writes.push(async () => {
      const written = await deps.repos.comments.upsertMany(rows, thread.seenAt);
      tally.add({ read: rows.length, written });
      await tally.checkpoint(context);
    });
  let read = 0;
  for await (const page of pages) {
    const { rows, overflowing } = rowsOfCommentPage(thread.owner, page.data);
    read += rows.length;
    await store(rows);
    for (const parent of overflowing) {
      for await (const more of deps.graph.continueEdge(
        context.account,
        parent.replies,
        'replies',
      )) {
        const replies = more.data.map((reply) => toCommentUpsert(thread.owner, reply, parent.id));
        read += replies.length;
        await store(replies);
      }
    }
  }
  await writes.drain();
  await markRead(deps, context, tally, thread, read);
}

async function markRead(
  deps: StepDeps,
  context: StepContext,
  tally: StepTally,
  thread: ThreadRead,
  read: number,
): Promise<void> {
  const { mediaId } = thread.owner;
  if (read === 0 && (thread.commentsCount ?? 0) > 0) {
    const commentsCount = thread.commentsCount;
    context.logger.warn({ mediaId, commentsCount }, 'comments came back empty; not marked');
    return;
  }
  const { repos, options } = deps;
  const now = options.now();
  const marked = await repos.inTransaction(async (tx) => {
    const seenAt = thread.seenAt;
    const n = await repos.comments.markUnseenAsDeleted(
      { mediaIds: [mediaId], seenAt, deletedAt: now },
      tx,
    );
    await repos.media.markCommentsSynced(
      [{ mediaId, commentsCount: thread.commentsCount }],
      now,
      tx,
    );
    return n;
  });
  tally.add({ written: marked });
  await tally.checkpoint(context);
}

/** `first`, then the pages after it. */
export async function* startingWith<T>(
  first: GraphPage<T>,
  rest: AsyncIterable<GraphPage<T>>,
): AsyncIterable<GraphPage<T>> {
  yield first;
  yield* rest;
}
