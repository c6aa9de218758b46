import { col, Op, type ModelStatic, type WhereOptions } from 'sequelize';
import type { DbModels } from '../models/define-models.js';
import type { IgMediaModel } from '../models/ig-media.model.js';
import { bulkUpsert } from './bulk-upsert.js';
import { updateByIds } from './update-by-ids.js';
import {
  toMediaRecord,
  type CommentSyncCandidate,
  type MediaInsightState,
  type MediaRecord,
  type MediaUpsert,
} from './ig-media.record.js';
import { afterCursor, keysetOrder, toPage, type KeysetCursor, type Page } from './keyset-cursor.js';
import type { QueryOptions } from './query-options.js';

export type * from './ig-media.record.js';

/** Which media of an account to list: `since <= timestamp < until`, newest first. */
export interface MediaPageQuery {
  igUserId: string;
  first: number;
  after?: KeysetCursor;
  since?: Date;
  until?: Date;
}

/** The Instagram fields a re-sync overwrites; the sync's bookkeeping columns are left alone. */
const INSTAGRAM_FIELDS = [
  'igUserId',
  'caption',
  'mediaType',
  'mediaProductType',
  'mediaUrl',
  'thumbnailUrl',
  'permalink',
  'shortcode',
  'timestamp',
  'likeCount',
  'commentsCount',
  'isCommentEnabled',
  'children',
] as const;

/**
 * Media (`ig_media`). Deletion is detected by `last_seen_at`: every media a pass upserts gets
 * the pass's `seenAt`; after a pass that paged the whole window, whatever in the window still
 * has an older `last_seen_at` is gone from Instagram ({@link markUnseenAsDeleted}). This
 * streams page by page, holds no id list, and a restarted pass simply stamps again.
 */
export class IgMediaRepository {
  private readonly media: ModelStatic<IgMediaModel>;

  constructor(models: DbModels) {
    this.media = models.IgMedia;
  }

  /** Stores one page of media seen at `seenAt`, reviving any that were marked deleted. */
  async upsertMany(
    media: readonly MediaUpsert[],
    seenAt: Date,
    options: QueryOptions = {},
  ): Promise<number> {
    const rows = media.map((m) => ({
      ...m,
      children: m.children === null ? null : JSON.stringify(m.children),
      lastSeenAt: seenAt,
      deletedAt: null,
    }));
    const update = [...INSTAGRAM_FIELDS, 'lastSeenAt', 'deletedAt', 'updatedAt'] as const;
    return bulkUpsert(this.media, rows, { conflict: ['id'], update: [...update] }, options);
  }

  /**
   * Marks deleted the media of `igUserId` created at or after `windowStart` that the pass
   * which stamped `seenAt` did not see. Call it only after that pass paged the whole window.
   * Returns how many were marked.
   */
  async markUnseenAsDeleted(
    scope: { igUserId: string; windowStart: Date; seenAt: Date; deletedAt?: Date },
    options: QueryOptions = {},
  ): Promise<number> {
    const [marked] = await this.media.update(
      { deletedAt: scope.deletedAt ?? new Date() },
      {
        where: {
          igUserId: scope.igUserId,
          timestamp: { [Op.gte]: scope.windowStart },
          lastSeenAt: { [Op.lt]: scope.seenAt },
          deletedAt: null,
        },
        transaction: options.transaction,
      },
    );
    return marked;
  }

  /** Records full comment reads: each media's `commentsCount` at the time of the read, in one UPDATE. */
  async markCommentsSynced(
    reads: readonly { mediaId: string; commentsCount: number | null }[],
    syncedAt: Date,
    options: QueryOptions = {},
  ): Promise<void> {
    const counts = new Map(
      reads.map((r) => [r.mediaId, r.commentsCount === null ? null : Math.trunc(r.commentsCount)]),
    );
    await updateByIds(
      this.media,
      [...counts.keys()],
      {
        set: { commentsSyncedAt: syncedAt },
        perId: { attribute: 'commentsSyncedCount', values: counts },
      },
      options,
    );
  }

  /** A page of the account's media that are not deleted, newest first. */
  async findPage(query: MediaPageQuery): Promise<Page<MediaRecord>> {
    const where: WhereOptions[] = [{ igUserId: query.igUserId, deletedAt: null }];
    if (query.since) where.push({ timestamp: { [Op.gte]: query.since } });
    if (query.until) where.push({ timestamp: { [Op.lt]: query.until } });
    if (query.after) where.push(afterCursor(query.after, 'newest-first'));
    const rows = await this.media.findAll({
      where: { [Op.and]: where },
      order: keysetOrder('newest-first'),
      limit: query.first + 1,
    });
    return toPage(rows.map(toMediaRecord), query.first);
  }

  /** Media by id (deleted ones included; any order; unknown ids left out). */
  async findByIds(ids: readonly string[]): Promise<MediaRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.media.findAll({ where: { id: [...ids] } });
    return rows.map(toMediaRecord);
  }

  /**
   * Live media of the window whose comments must be read in full again: never read, their
   * `comments_count` changed since the last full read, or that read is older than
   * `staleBefore`. Newest first.
   */
  async findCommentSyncCandidates(scope: {
    igUserId: string;
    windowStart: Date;
    staleBefore: Date;
  }): Promise<CommentSyncCandidate[]> {
    const rows = await this.media.findAll({
      attributes: ['id', 'timestamp', 'commentsCount', 'commentsSyncedCount', 'commentsSyncedAt'],
      where: {
        igUserId: scope.igUserId,
        deletedAt: null,
        timestamp: { [Op.gte]: scope.windowStart },
        [Op.or]: [
          { commentsSyncedAt: null },
          { commentsSyncedAt: { [Op.lt]: scope.staleBefore } },
          { commentsSyncedCount: null, commentsCount: { [Op.ne]: null } },
          { commentsSyncedCount: { [Op.ne]: col('comments_count') } },
        ],
      },
      order: keysetOrder('newest-first'),
    });
    return rows.map((row) => ({
      mediaId: row.id,
      commentsCount: row.commentsCount,
      commentsSyncedCount: row.commentsSyncedCount ?? null,
      commentsSyncedAt: row.commentsSyncedAt ?? null,
    }));
  }

  /** Live media of the window with their kind, age and last insights read, newest first. */
  async findInsightStates(scope: {
    igUserId: string;
    windowStart: Date;
  }): Promise<MediaInsightState[]> {
    const rows = await this.media.findAll({
      attributes: ['id', 'timestamp', 'mediaType', 'mediaProductType', 'insightsFetchedAt'],
      where: {
        igUserId: scope.igUserId,
        deletedAt: null,
        timestamp: { [Op.gte]: scope.windowStart },
      },
      order: keysetOrder('newest-first'),
    });
    return rows.map((row) => ({
      id: row.id,
      mediaType: row.mediaType,
      mediaProductType: row.mediaProductType,
      timestamp: row.timestamp,
      insightsFetchedAt: row.insightsFetchedAt ?? null,
    }));
  }

  /** Records that the insights of `ids` were read in full (or refused for good) at `at`. */
  async markInsightsFetched(
    ids: readonly string[],
    at: Date,
    options: QueryOptions = {},
  ): Promise<void> {
    await updateByIds(this.media, ids, { set: { insightsFetchedAt: at } }, options);
  }
}
