/**
 * Account insight values: a pure function of (seed, account, metric, day), so any window
 * can be asked in any order and always gives the same numbers. Days are the API's Pacific
 * day buckets (see graph-time.ts).
 */
import { bucketStart, DAY_MS } from './graph-time.js';
import { unitHash } from './seeded-random.js';

/** The 28 names the v25 "must be one of" error lists, in its order (reference §5a). */
// prettier-ignore
export const ACCOUNT_METRICS: readonly string[] = [
  'reach', 'follower_count', 'website_clicks', 'profile_views', 'online_followers',
  'accounts_engaged', 'total_interactions', 'likes', 'comments', 'shares', 'saves', 'replies',
  'engaged_audience_demographics', 'reached_audience_demographics', 'follower_demographics',
  'follows_and_unfollows', 'profile_links_taps', 'views', 'threads_likes', 'threads_replies',
  'reposts', 'quotes', 'threads_followers', 'threads_follower_demographics', 'content_views',
  'threads_views', 'threads_clicks', 'threads_reposts',
];

/** Unique-audience metrics: a window total is not the sum of its days. */
const UNIQUE_METRICS = new Set(['reach', 'accounts_engaged']);

export interface InsightSubject {
  seed: number;
  accountIndex: number;
  followers: number;
}

function u(s: InsightSubject, metric: string, day: number): number {
  return unitHash(s.seed, 11, s.accountIndex, ACCOUNT_METRICS.indexOf(metric), day);
}

/** A day's reach: followers-scaled, busier at weekends. */
function reach(s: InsightSubject, day: number): number {
  const weekend = (day + 4) % 7 >= 5 ? 1.3 : 1;
  return Math.round(s.followers * (0.05 + 0.25 * u(s, 'reach', day)) * weekend) + 1;
}

/** The value of `metric` for one day (period=day). */
export function dailyValue(s: InsightSubject, metric: string, day: number): number {
  const r = reach(s, day);
  const f = (name: string): number => u(s, name, day);
  const likes = Math.round(r * (0.04 + 0.08 * f('likes')));
  const comments = Math.round(likes * (0.02 + 0.1 * f('comments')));
  const shares = Math.round(likes * 0.15 * f('shares'));
  const saves = Math.round(likes * 0.1 * f('saves'));
  const replies = Math.round(comments * 0.2 * f('replies'));
  const profileViews = Math.round(r * 0.05 * f('profile_views'));
  // follows_and_unfollows split by follow_type: FOLLOWER (new follows), NON_FOLLOWER (unfollows).
  const follows = Math.round(s.followers * 0.002 * f('follows_and_unfollows'));
  const unfollows = Math.round(s.followers * 0.001 * unitHash(s.seed, 13, s.accountIndex, day));
  const values: Record<string, number> = {
    reach: r,
    views: Math.round(r * (1.5 + 1.5 * f('views'))),
    accounts_engaged: Math.round(r * (0.03 + 0.1 * f('accounts_engaged'))),
    likes,
    comments,
    shares,
    saves,
    replies,
    total_interactions: likes + comments + shares + saves + replies,
    profile_views: profileViews,
    website_clicks: Math.round(profileViews * 0.1 * f('website_clicks')),
    profile_links_taps: Math.round(profileViews * 0.15 * f('profile_links_taps')),
    follows,
    unfollows,
    follows_and_unfollows: follows + unfollows,
    reposts: Math.round(shares * 0.3 * f('reposts')),
    follower_count: Math.round(s.followers * (0.0005 + 0.003 * f('follower_count'))),
  };
  return values[metric] ?? 0;
}

/** Total of a metric over days [first, last]: sums, except unique-audience metrics. */
export function windowTotal(s: InsightSubject, metric: string, days: number[]): number {
  const values = days.map((d) => dailyValue(s, metric, d));
  if (values.length === 0) return 0;
  const sum = values.reduce((a, b) => a + b, 0);
  if (!UNIQUE_METRICS.has(metric)) return sum;
  const max = Math.max(...values);
  return max + Math.round(0.6 * (sum - max));
}

/** reach over the 7 or 28 days ending with `day` (a unique count, so not a plain sum). */
export function rollingReach(s: InsightSubject, days: 7 | 28, day: number): number {
  const window = Array.from({ length: days }, (_, k) => day - k);
  return windowTotal(s, 'reach', window);
}

/** online_followers for a day: followers online per hour "0".."23". */
export function onlineFollowers(s: InsightSubject, day: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let hour = 0; hour < 24; hour += 1) {
    const evening = hour >= 11 && hour <= 15 ? 2 : 1; // Korean evening in −07:00 hours
    const share = 0.05 + 0.1 * unitHash(s.seed, 12, s.accountIndex, day, hour);
    out[String(hour)] = Math.round(s.followers * share * evening);
  }
  return out;
}

/**
 * Data is processed up to 48 h late: a day counts as measured once its bucket has ended
 * and a per-day delay (0–48 h, fixed by the seed) has passed. Before that the API answers
 * as if the day had no data.
 */
export function isMeasured(s: InsightSubject, day: number, nowMs: number): boolean {
  const delay = unitHash(s.seed, 13, s.accountIndex, day) * 2 * DAY_MS;
  return bucketStart(day + 1) + delay <= nowMs;
}
