/** Comment pages as Instagram nests them, and when a media's comments are due for a read. */
import type { CommentUpsert } from '../../db/repositories/ig-comment.repository.js';
import type { MediaRecord } from '../../db/repositories/ig-media.repository.js';
import type { GraphPage, IgComment } from '../../instagram/index.js';
import { toCommentUpsert } from './graph-records.js';

export interface CommentOwner {
  igUserId: string;
  mediaId: string;
}

/** One media's thread to read in full. */
export interface ThreadRead {
  owner: CommentOwner;
  /** The media's `comments_count` when its thread was read (counts replies). */
  commentsCount: number | null;
  /**
   * The media had no row before this pass stored it, so no comment of it is stored either:
   * none can be left to mark deleted, and the scan that looks for them is skipped (a first
   * sync's every thread).
   */
  mediaIsNew: boolean;
}

export interface CommentPageRows {
  /** The page's top-level comments and the replies that came expanded with them. */
  rows: CommentUpsert[];
  /** Comments whose expanded replies page has a `next`: their other replies need calls. */
  overflowing: IgComment[];
}

/** One page of top-level comments (each with its first replies page) as rows. */
export function rowsOfCommentPage(
  owner: CommentOwner,
  comments: readonly IgComment[],
): CommentPageRows {
  const rows: CommentUpsert[] = [];
  const overflowing: IgComment[] = [];
  for (const comment of comments) {
    rows.push(toCommentUpsert(owner, comment));
    for (const reply of comment.replies?.data ?? []) {
      rows.push(toCommentUpsert(owner, reply, comment.id));
    }
    if (comment.replies?.paging?.next) overflowing.push(comment);
  }
  return { rows, overflowing };
}

/**
 * Whether an expanded first comments page is the whole thread: no further comments page and
 * no reply page that continues. Instagram leaves an empty edge out, but may also leave out one
 * that is not empty: an absent or empty edge is "no comments" only when `comments_count` says
 * so (0 or unknown); otherwise the thread was not read, and stored comments must not be marked
 * deleted on its account.
 */
export function isWholeThread(
  edge: GraphPage<IgComment> | undefined,
  commentsCount: number | null,
): boolean {
  if (!edge || edge.data.length === 0) return !commentsCount;
  if (edge.paging?.next) return false;
  return edge.data.every((comment) => !comment.replies?.paging?.next);
}

/** Items (comments and replies) an expanded comments edge carried. */
export function itemsIn(edge: GraphPage<IgComment> | undefined): number {
  return (edge?.data ?? []).reduce((sum, c) => sum + 1 + (c.replies?.data.length ?? 0), 0);
}

/**
 * The incremental rule (the same as `IgMediaRepository.findCommentSyncCandidates`): a media's
 * comments are read in full when they never were, when `comments_count` moved since that
 * read (deletions and hides raise no event; a changed count is the only sign), or when that
 * read is older than `staleBefore` (a delete plus an add leaves the count unchanged).
 */
export function needsCommentRead(
  stored: Pick<MediaRecord, 'commentsSyncedAt' | 'commentsSyncedCount'> | undefined,
  commentsCount: number | null,
  staleBefore: Date,
): boolean {
  if (!stored || stored.commentsSyncedAt === null) return true;
  if (stored.commentsSyncedAt < staleBefore) return true;
  return stored.commentsSyncedCount !== commentsCount;
}
