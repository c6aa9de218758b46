import {
  DEFAULT_CADENCE_TEXT,
  parseCadence,
  type CadenceRule,
} from '../../config/media-insight-cadence.js';

// How often a media's insights are asked on their own, by the media's age: young media
// change fast, old ones hardly at all. Media whose page brought their insights nested are
// refreshed by that page at no cost; the cadence decides only the calls of their own.

export type { CadenceRule };

/** Every run under 7 days, every 3 days under 30, then weekly (the weekly deep sync). */
export const DEFAULT_MEDIA_INSIGHT_CADENCE: readonly CadenceRule[] =
  parseCadence(DEFAULT_CADENCE_TEXT);

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/**
 * Runs start at about the same time each day: a read 3 days minus a few minutes old is due.
 * And "every run" still means not twice within the hour, so insights a media page brought
 * earlier in the same run are not asked again.
 */
const SLACK_MS = HOUR_MS;
const MIN_AGE_MS = HOUR_MS;

/** Whether a media posted at `postedAt`, last read at `fetchedAt`, is due at `now`. */
export function isInsightDue(
  cadence: readonly CadenceRule[],
  postedAt: Date,
  fetchedAt: Date | null,
  now: Date,
): boolean {
  if (!fetchedAt) return true;
  const ageDays = (now.getTime() - postedAt.getTime()) / DAY_MS;
  const rule = cadence.find((r) => r.underDays === null || ageDays < r.underDays);
  const everyMs = rule ? rule.everyDays * DAY_MS - SLACK_MS : 0;
  return now.getTime() - fetchedAt.getTime() >= Math.max(MIN_AGE_MS, everyMs);
}
