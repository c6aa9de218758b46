import type { GraphApiError } from './graph-api.error.js';

/** Field lists the client asks for. Only what the sync stores: every field costs CPU quota. */

export const PROFILE_FIELDS = [
  'id',
  'ig_id',
  'username',
  'name',
  'biography',
  'website',
  'followers_count',
  'follows_count',
  'media_count',
  'profile_picture_url',
].join(',');

/** `media_product_type` is requested because a Reel comes back as `media_type=VIDEO`. */
const MEDIA_FIELDS = [
  'id',
  'ig_id',
  'caption',
  'media_type',
  'media_product_type',
  'media_url',
  'thumbnail_url',
  'permalink',
  'shortcode',
  'timestamp',
  'like_count',
  'comments_count',
  'is_comment_enabled',
  // Carousel children support only these; expanding them avoids one call per child.
  'children{id,media_type,media_url,thumbnail_url}',
].join(',');

const COMMENT_FIELDS = 'id,text,timestamp,username,like_count,hidden';
const REPLY_FIELDS = `${COMMENT_FIELDS},parent_id`;

/** Top-level comment fields, with the first page of replies expanded when asked. */
export function commentFields(withReplies: boolean): string {
  return withReplies ? `${COMMENT_FIELDS},replies{${REPLY_FIELDS}}` : COMMENT_FIELDS;
}

export interface MediaExpansion {
  /** Expand each media's first comments page (at most 50, Instagram's cap). */
  comments?: { limit: number; replies: boolean };
  /** Expand each media's lifetime insights with these metrics. */
  insights?: readonly string[];
}

/**
 * Media fields with nested edges, so one media page also brings each media's first comments
 * page (with replies) and insights; only overflowing nested pages need calls of their own.
 */
export function mediaFields(expand: MediaExpansion): string {
  const parts = [MEDIA_FIELDS];
  if (expand.comments) {
    parts.push(
      `comments.limit(${expand.comments.limit}){${commentFields(expand.comments.replies)}}`,
    );
  }
  if (expand.insights && expand.insights.length > 0) {
    parts.push(`insights.metric(${expand.insights.join(',')})`);
  }
  return parts.join(',');
}

/**
 * One media whose nested insights fail (posted before the business conversion, or a metric
 * its type lacks) fails the whole page. Such a page is asked again without insights; its
 * media then come without `insights` and the caller reads them one by one (getMediaInsights),
 * where each failure concerns one media only.
 */
export const withoutNestedInsights = (
  params: Record<string, string>,
  error: GraphApiError,
): Record<string, string> | undefined => {
  const insightsFailed =
    error.kind === 'skippable' || (error.kind === 'permanent' && error.code === 100);
  if (!insightsFailed || !params.fields) return undefined;
  return { ...params, fields: params.fields.replace(/,insights\.metric\([^)]*\)/, '') };
};
