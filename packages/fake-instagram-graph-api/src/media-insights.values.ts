/**
 * Media insights: which metrics each media type supports (reference §5b) and their
 * lifetime values, a pure function of (seed, media serial) plus the media's current
 * like and comment counts.
 */
import type { FakeMedia } from './fake-graph-api.types.js';
import { unitHash } from './seeded-random.js';

/** The names the v25 media "must be one of" error lists. */
// prettier-ignore
export const MEDIA_METRICS: readonly string[] = [
  'reach', 'replies', 'saved', 'likes', 'comments', 'shares', 'total_interactions', 'follows',
  'profile_visits', 'profile_activity', 'navigation', 'views', 'ig_reels_video_view_total_time',
  'ig_reels_avg_watch_time', 'reels_skip_rate', 'reposts', 'facebook_views', 'crossposted_views',
  'total_views', 'total_likes', 'total_comments', 'link_clicks',
];

const COMMON = ['reach', 'saved', 'likes', 'comments', 'shares', 'total_interactions', 'views'];
const FEED = [...COMMON, 'follows', 'profile_visits', 'reposts'];
const REELS = [
  ...COMMON,
  'ig_reels_avg_watch_time',
  'ig_reels_video_view_total_time',
  'reels_skip_rate',
  'reposts',
];

type MediaKind = Pick<FakeMedia, 'media_type' | 'media_product_type'>;

/** Metrics valid for this media: feed photos/albums, reels, or (older) feed videos. */
export function supportedMediaMetrics(media: MediaKind): readonly string[] {
  if (media.media_product_type === 'REELS') return REELS;
  return media.media_type === 'VIDEO' ? COMMON : FEED;
}

/** Lifetime values of every supported metric; likes/comments follow the live counts. */
export function mediaInsightValues(
  seed: number,
  serial: number,
  media: MediaKind & Pick<FakeMedia, 'like_count' | 'comments_count'>,
): Record<string, number> {
  const f = (k: number): number => unitHash(seed, 21, serial, k);
  const likes = media.like_count;
  const comments = media.comments_count;
  const reach = Math.round(Math.max(likes, 1) * (4 + 10 * f(1))) + 10;
  const views = Math.round(reach * (1.2 + 2 * f(2)));
  const saved = Math.round(reach * 0.02 * f(3));
  const shares = Math.round(reach * 0.015 * f(4));
  const avgWatch = Math.round(2000 + 12000 * f(8));
  const all: Record<string, number> = {
    reach,
    views,
    saved,
    likes,
    comments,
    shares,
    total_interactions: likes + comments + saved + shares,
    follows: Math.round(reach * 0.005 * f(5)),
    profile_visits: Math.round(reach * 0.03 * f(6)),
    reposts: Math.round(shares * 0.3 * f(7)),
    ig_reels_avg_watch_time: avgWatch,
    ig_reels_video_view_total_time: avgWatch * views,
    reels_skip_rate: Math.round((20 + 50 * f(9)) * 100) / 100,
  };
  const out: Record<string, number> = {};
  for (const metric of supportedMediaMetrics(media)) out[metric] = all[metric] ?? 0;
  return out;
}
