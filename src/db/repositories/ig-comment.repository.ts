import { Op, type ModelStatic, type WhereOptions } from 'sequelize';
import type { DbModels } from '../models/define-models.js';
import type { IgCommentModel } from '../models/ig-comment.model.js';
import { bulkUpsert } from './bulk-upsert.js';
import { afterCursor, keysetOrder, toPage, type KeysetCursor, type Page } from './keyset-cursor.js';
import type { QueryOptions } from './query-options.js';

/** The fields of a comment or reply that come from Instagram: what a comment sync writes. */
export interface CommentUpsert {
  id: string;
  mediaId: string;
  igUserId: string;
  /** The top-level comment a reply answers; null for top-level comments. */
  parentId: string | null;
  text: string;
  username: string | null;
  likeCount: number | null;
  hidden: boolean;
  timestamp: Date;
}

/** A stored comment or reply. */
export interface CommentRecord extends CommentUpsert {
  deletedAt: Date | null;
  lastSeenAt: Date;
}

/** Where a page of comments starts: `first` rows after `after`. */
export interface CommentPageQuery {
  first: number;
  after?: KeysetCursor;
}

/**
 * Comments and replies (`ig_comments`). Deletion works as for media: a full read of one
 * media's comments stamps `seenAt`, then {@link markUnseenAsDeleted} marks the rest (of
 * many media at once).
 */
export class IgCommentRepository {
  private readonly comments: ModelStatic<IgCommentModel>;

  constructor(models: DbModels) {
    this.comments = models.IgComment;
  }

  /** Stores one page of comments (and/or replies) seen at `seenAt`, reviving deleted ones. */
  async upsertMany(
    comments: readonly CommentUpsert[],
    seenAt: Date,
    options: QueryOptions = {},
  ): Promise<number> {
    return bulkUpsert(
      this.comments,
      comments,
      {
        shared: { lastSeenAt: seenAt, deletedAt: null },
        conflict: ['id'],
        update: [
          'mediaId',
          'igUserId',
          'parentId',
          'text',
          'username',
          'likeCount',
          'hidden',
          'timestamp',
          'lastSeenAt',
          'deletedAt',
          'updatedAt',
        ],
      },
      options,
    );
  }

  /**
   * Marks deleted the comments and replies of `mediaIds` that the full reads which stamped
   * `seenAt` did not see, in one UPDATE. Never call it after a partial read. Returns how many
   * were marked.
   */
  async markUnseenAsDeleted(
    scope: { mediaIds: readonly string[]; seenAt: Date; deletedAt?: Date },
    options: QueryOptions = {},
  ): Promise<number> {
    if (scope.mediaIds.length === 0) return 0;
    const [marked] = await this.comments.update(
      { deletedAt: scope.deletedAt ?? new Date() },
      {
        where: {
          mediaId: [...scope.mediaIds],
          lastSeenAt: { [Op.lt]: scope.seenAt },
          deletedAt: null,
        },
        transaction: options.transaction,
      },
    );
    return marked;
  }

  /** Top-level comments of `mediaId` that are not deleted, newest first (as Instagram lists them). */
  async findTopLevelPage(mediaId: string, page: CommentPageQuery): Promise<Page<CommentRecord>> {
    return this.findPage({ mediaId, parentId: null }, page, 'newest-first');
  }

  /** Replies to `parentId` that are not deleted, oldest first (conversation order). */
  async findReplyPage(parentId: string, page: CommentPageQuery): Promise<Page<CommentRecord>> {
    return this.findPage({ parentId }, page, 'oldest-first');
  }

  /** All live replies to any of `parentIds`, oldest first, for batched loading. */
  async findRepliesByParentIds(parentIds: readonly string[]): Promise<CommentRecord[]> {
    if (parentIds.length === 0) return [];
    const rows = await this.comments.findAll({
      where: { parentId: [...parentIds], deletedAt: null },
      order: keysetOrder('oldest-first'),
    });
    return rows.map(toCommentRecord);
  }

  private async findPage(
    scope: WhereOptions,
    page: CommentPageQuery,
    direction: 'newest-first' | 'oldest-first',
  ): Promise<Page<CommentRecord>> {
    const where: WhereOptions[] = [scope, { deletedAt: null }];
    if (page.after) where.push(afterCursor(page.after, direction));
    const rows = await this.comments.findAll({
      where: { [Op.and]: where },
      order: keysetOrder(direction),
      limit: page.first + 1,
    });
    return toPage(rows.map(toCommentRecord), page.first);
  }
}

function toCommentRecord(row: IgCommentModel): CommentRecord {
  return {
    id: row.id,
    mediaId: row.mediaId,
    igUserId: row.igUserId,
    parentId: row.parentId,
    text: row.text,
    username: row.username,
    likeCount: row.likeCount,
    hidden: Boolean(row.hidden),
    timestamp: row.timestamp,
    deletedAt: row.deletedAt,
    lastSeenAt: row.lastSeenAt,
  };
}
