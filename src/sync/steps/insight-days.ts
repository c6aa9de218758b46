import { DateTime } from 'luxon';

/**
 * Instagram's insight days are Pacific days (America/Los_Angeles, daylight saving included):
 * a daily bucket runs from Pacific midnight to the next, so it ends at 07:00 UTC in summer
 * (`end_time` `2025-06-02T07:00:00+0000` measures `2025-06-01`) and at 08:00 UTC in winter,
 * and the days of the March and November changes last 23 and 25 hours. Days are stored
 * under that label (`YYYY-MM-DD`), the day Instagram measured; they cannot be re-cut into
 * another time zone's days.
 */
export const INSIGHT_ZONE = 'America/Los_Angeles';

const DAY_MS = 86_400_000;

const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const pacificDateOf = (ms: number): string =>
  DateTime.fromMillis(ms, { zone: INSIGHT_ZONE }).toISODate()!;

/** The bucket day `now` falls in: Instagram's "today", never complete yet. */
export function insightToday(now: Date): string {
  return pacificDateOf(now.getTime());
}

const DAYS_KEPT = 10_000;

/**
 * `convert`, its answers kept by key (at most DAYS_KEPT): every account of a run plans the same
 * few hundred days, each several times (windows, then each call's since/until), and reads the
 * same `end_time`s in its series; a time-zone conversion costs far more than the lookup (it was
 * 7 % of a worker's CPU in a first sync).
 */
function keptByKey<V>(convert: (key: string) => V): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = convert(key);
      if (kept.size >= DAYS_KEPT) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}

const bucketStartMs = keptByKey((day) =>
  DateTime.fromISO(day, { zone: INSIGHT_ZONE }).startOf('day').toMillis(),
);

/** Where day `day`'s bucket starts (Pacific midnight of that date): the `since` that selects it. */
export function bucketStart(day: string): Date {
  return new Date(bucketStartMs(day));
}

/** The day a value measures, from its `end_time` (the Pacific midnight that ends it). */
export const dayOfEndTime: (endTime: string) => string = keptByKey((endTime) =>
  pacificDateOf(Date.parse(endTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) - 1),
);

export function addDays(day: string, days: number): string {
  return toDay(dayMs(day) + days * DAY_MS);
}

/** Every day from `first` to `last`, inclusive (none when `first` is after `last`). */
export function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = dayMs(first); ms <= dayMs(last); ms += DAY_MS) days.push(toDay(ms));
  return days;
}

/** Since→until of the days `first` to `last`: from its first bucket start to the next day's. */
export function spanOf(first: string, last: string): { since: Date; until: Date } {
  return { since: bucketStart(first), until: bucketStart(addDays(last, 1)) };
}

/**
 * Windows of at most `maxDays` days whose since→until also lasts at most `maxDays` × 24 h
 * (the API counts seconds: 30 Pacific days across the November change are 30 days and an
 * hour), covering all of `days` (sorted) with as few as possible, oldest window first. They
 * are aligned at the newest day: the newest window holds the last `maxDays` days, older ones
 * step backwards, so the short remainder lies at the old end and the newest window can carry
 * metrics that only answer for recent days (`follower_count`). One call per window, so a
 * final day inside a window costs nothing.
 */
export function coveringWindows(days: readonly string[], maxDays: number): string[][] {
  const fits = (first: string, last: string) => {
    const { since, until } = spanOf(first, last);
    return until.getTime() - since.getTime() <= maxDays * DAY_MS;
  };
  const windows: string[][] = [];
  for (const day of [...days].reverse()) {
    const current = windows.at(-1);
    if (current && fits(day, current.at(-1)!)) current.unshift(day);
    else windows.push([day]);
  }
  return windows.reverse();
}
