import type { IgMediaModel } from '../models/ig-media.model.js';

/** A carousel child as Instagram describes it (children have no caption, counts or insights). */
export interface MediaChildRecord {
  id: string;
  mediaType: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
}

/** The fields of a media that come from Instagram: what a media sync writes. */
export interface MediaUpsert {
  id: string;
  igUserId: string;
  caption: string | null;
  mediaType: string;
  mediaProductType: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
  permalink: string | null;
  shortcode: string | null;
  /** Creation time (Instagram's `timestamp`, UTC). */
  timestamp: Date;
  likeCount: number | null;
  commentsCount: number | null;
  isCommentEnabled: boolean | null;
  children: MediaChildRecord[] | null;
}

/** A stored media with the sync's own bookkeeping. */
export interface MediaRecord extends MediaUpsert {
  /** When its comments were last read in full, and `commentsCount` at that time. */
  commentsSyncedAt: Date | null;
  commentsSyncedCount: number | null;
  /** Set once a full media pass no longer saw it inside the window; cleared if seen again. */
  deletedAt: Date | null;
  lastSeenAt: Date;
}

/** A media whose comments are due for a full re-read, and the count that makes it due. */
export interface CommentSyncCandidate {
  mediaId: string;
  commentsCount: number | null;
  commentsSyncedCount: number | null;
  commentsSyncedAt: Date | null;
}

/** What picks metrics for a media's insights (Reels differ from feed posts). */
export interface MediaKind {
  id: string;
  mediaType: string;
  mediaProductType: string | null;
}

/** A media whose insights may be due: its kind, its age and its last full insights read. */
export interface MediaInsightState extends MediaKind {
  timestamp: Date;
  insightsFetchedAt: Date | null;
}

export function toMediaRecord(row: IgMediaModel): MediaRecord {
  return {
    id: row.id,
    igUserId: row.igUserId,
    caption: row.caption,
    mediaType: row.mediaType,
    mediaProductType: row.mediaProductType,
    mediaUrl: row.mediaUrl,
    thumbnailUrl: row.thumbnailUrl,
    permalink: row.permalink,
    shortcode: row.shortcode,
    timestamp: row.timestamp,
    likeCount: row.likeCount,
    commentsCount: row.commentsCount,
    isCommentEnabled: row.isCommentEnabled === null ? null : Boolean(row.isCommentEnabled),
    children: row.children === null ? null : (JSON.parse(row.children) as MediaChildRecord[]),
    commentsSyncedAt: row.commentsSyncedAt ?? null,
    commentsSyncedCount: row.commentsSyncedCount ?? null,
    deletedAt: row.deletedAt,
    lastSeenAt: row.lastSeenAt,
  };
}
