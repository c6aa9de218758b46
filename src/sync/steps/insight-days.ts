/**
 * Instagram's insight days. Daily buckets end at 07:00 UTC ("periods ending on UTC−07:00",
 * Pacific midnight): a value whose `end_time` is `2025-06-02T07:00:00+0000` measures the day
 * `2025-06-01`. Days are stored under that label (`YYYY-MM-DD`), the day Instagram measured;
 * they cannot be re-cut into another time zone's days. A bucket ending at 08:00 UTC (Pacific
 * standard time) maps to the same day, since the day is taken 24 h before `end_time`.
 */

const DAY_MS = 86_400_000;
const BUCKET_OFFSET_MS = 7 * 3_600_000;

const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The bucket day `now` falls in: Instagram's "today", never complete yet. */
export function insightToday(now: Date): string {
  return toDay(now.getTime() - BUCKET_OFFSET_MS);
}

/** Where day `day`'s bucket starts (07:00 UTC of that date): the `since` that selects it. */
export function bucketStart(day: string): Date {
  return new Date(dayMs(day) + BUCKET_OFFSET_MS);
}

/** The day a time-series value measures, from its `end_time`. */
export function dayOfEndTime(endTime: string): string {
  const ms = Date.parse(endTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return toDay(ms - DAY_MS);
}

export function addDays(day: string, days: number): string {
  return toDay(dayMs(day) + days * DAY_MS);
}

/** Every day from `first` to `last`, inclusive (none when `first` is after `last`). */
export function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = dayMs(first); ms <= dayMs(last); ms += DAY_MS) days.push(toDay(ms));
  return days;
}

/**
 * Windows of at most `maxDays` consecutive days covering all of `days` (sorted), as few as
 * possible: each starts at the first day not yet covered. One call per window, so a day already
 * final inside a window costs nothing extra.
 */
export function coveringWindows(days: readonly string[], maxDays: number): string[][] {
  const windows: string[][] = [];
  for (const day of days) {
    const current = windows.at(-1);
    if (current && day <= addDays(current[0]!, maxDays - 1)) current.push(day);
    else windows.push([day]);
  }
  return windows;
}
