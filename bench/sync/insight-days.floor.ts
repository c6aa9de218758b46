/**
 * The account-insight days the call floor counts, in the service's terms (read from
 * src/sync/steps/insight-days.ts and insight-day-plan.ts, not imported): Instagram's days are
 * Pacific days; a run asks for every day from its window's first day (the date its window
 * starts in the service's zone, SYNC_TIMEZONE) to Pacific yesterday that is not yet stored as
 * final, plus the trailing days, which are re-read every run and never final.
 */
import { DateTime } from 'luxon';

const PACIFIC = 'America/Los_Angeles';
const DAY_MS = 86_400_000;
/** Days before today Instagram may still fill in (the service's `trailingDays`). */
export const TRAILING_DAYS = 3;
/** The longest since→until Instagram accepts for a time series, in days of 24 h. */
export const SERIES_WINDOW_DAYS = 30;

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const pacificToday = (now: Date): string =>
  DateTime.fromJSDate(now, { zone: PACIFIC }).toISODate()!;

/** The label of a window's first day: the date its start falls on in the service's zone. */
export const windowStartDay = (windowStart: Date, timezone: string): string =>
  DateTime.fromJSDate(windowStart, { zone: timezone }).toISODate()!;

/** Every day from `first` to `last`, inclusive. */
export function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A previous run whose days are stored: what it asked for and when. */
export interface StoredDays {
  firstDay: string;
  runAt: Date;
}

/** The days a run at `now` from `firstDay` asks for, oldest first. */
export function insightDaysToRead(firstDay: string, now: Date, stored?: StoredDays): string[] {
  const today = pacificToday(now);
  const trailingFrom = addDays(today, -TRAILING_DAYS);
  const isStoredFinal = (day: string): boolean => {
    if (!stored) return false;
    const storedToday = pacificToday(stored.runAt);
    return day >= stored.firstDay && day < addDays(storedToday, -TRAILING_DAYS);
  };
  return daysFrom(firstDay, addDays(today, -1)).filter(
    (day) => day >= trailingFrom || !isStoredFinal(day),
  );
}

const pacificMidnight = (day: string): number =>
  DateTime.fromISO(day, { zone: PACIFIC }).startOf('day').toMillis();

/**
 * Time-series calls for `days` (sorted): windows of consecutive days taken from the newest,
 * each at most 30 × 24 h from its first bucket's start to its last one's end (30 Pacific days
 * across the November change last an hour more, so such a window holds 29).
 */
export function seriesWindows(days: readonly string[]): number {
  let windows = 0;
  let index = days.length - 1;
  while (index >= 0) {
    const newest = days[index]!;
    const end = pacificMidnight(addDays(newest, 1));
    windows += 1;
    while (index >= 0 && end - pacificMidnight(days[index]!) <= SERIES_WINDOW_DAYS * DAY_MS) {
      index -= 1;
    }
  }
  return windows;
}
