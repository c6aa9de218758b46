/** Graph API shapes (snake_case, as sent) → the records the repositories store. */
import type { CommentUpsert } from '../../db/repositories/ig-comment.repository.js';
import type { MediaUpsert } from '../../db/repositories/ig-media.repository.js';
import type { IgProfileRecord } from '../../db/repositories/ig-profile.repository.js';
import type { IgComment, IgMedia, IgProfile } from '../../instagram/index.js';

/**
 * `2019-04-05T07:56:32+0000` (Instagram's form, no colon in the offset) → Date. Instagram
 * answers in UTC: that form is read as `…Z` without the regular expression (a third of the
 * cost, for every comment of a sync); any other offset gets its colon.
 */
export function parseGraphTime(text: string): Date {
  const iso =
    text.length === 24 && text.endsWith('+0000')
      ? `${text.slice(0, 19)}Z`
      : text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a Graph API time: ${text}`);
  return date;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function toProfileRecord(
  igUserId: string,
  profile: IgProfile,
  fetchedAt: Date,
): IgProfileRecord {
  return {
    igUserId,
    igId: profile.ig_id === undefined ? null : String(profile.ig_id),
    username: orNull(profile.username),
    name: orNull(profile.name),
    biography: orNull(profile.biography),
    website: orNull(profile.website),
    followersCount: orNull(profile.followers_count),
    followsCount: orNull(profile.follows_count),
    mediaCount: orNull(profile.media_count),
    profilePictureUrl: orNull(profile.profile_picture_url),
    fetchedAt,
  };
}

export function toMediaUpsert(igUserId: string, media: IgMedia): MediaUpsert {
  const children = media.children?.data;
  return {
    id: media.id,
    igUserId,
    caption: orNull(media.caption),
    mediaType: media.media_type,
    mediaProductType: orNull(media.media_product_type),
    mediaUrl: orNull(media.media_url),
    thumbnailUrl: orNull(media.thumbnail_url),
    permalink: orNull(media.permalink),
    shortcode: orNull(media.shortcode),
    timestamp: parseGraphTime(media.timestamp),
    likeCount: orNull(media.like_count),
    commentsCount: orNull(media.comments_count),
    isCommentEnabled: orNull(media.is_comment_enabled),
    children: children
      ? children.map((c) => ({
          id: c.id,
          mediaType: orNull(c.media_type),
          mediaUrl: orNull(c.media_url),
          thumbnailUrl: orNull(c.thumbnail_url),
        }))
      : null,
  };
}

/** A comment or reply of `mediaId`; a reply's parent is `parentId` when Instagram leaves it out. */
export function toCommentUpsert(
  owner: { igUserId: string; mediaId: string },
  comment: IgComment,
  parentId: string | null = null,
): CommentUpsert {
  return {
    id: comment.id,
    mediaId: owner.mediaId,
    igUserId: owner.igUserId,
    parentId: comment.parent_id ?? parentId,
    text: comment.text ?? '',
    username: orNull(comment.username),
    likeCount: orNull(comment.like_count),
    hidden: comment.hidden ?? false,
    timestamp: parseGraphTime(comment.timestamp),
  };
}
