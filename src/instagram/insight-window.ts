import { GraphApiError } from './graph-api.error.js';

const DAY_MS = 86_400_000;

/** Instagram refuses account insights with more than 30 days between since and until (code 100). */
export const MAX_INSIGHT_WINDOW_DAYS = 30;

export interface InsightWindow {
  since: Date;
  until: Date;
}

/**
 * Refuses, before any call, a window Instagram would refuse: empty, reversed, or longer than
 * 30 days. Refusing here saves a call and gives a clear message instead of a code 100.
 */
export function assertInsightWindow(window: InsightWindow, igUserId?: string): void {
  const span = window.until.getTime() - window.since.getTime();
  if (!(span > 0)) {
    throw new GraphApiError({
      kind: 'permanent',
      message: `insight window ${window.since.toISOString()}..${window.until.toISOString()} is empty or reversed`,
      igUserId,
    });
  }
  if (span > MAX_INSIGHT_WINDOW_DAYS * DAY_MS) {
    throw new GraphApiError({
      kind: 'permanent',
      message: `insight window of ${(span / DAY_MS).toFixed(1)} days exceeds Instagram's ${MAX_INSIGHT_WINDOW_DAYS}-day limit; split it (splitInsightWindows)`,
      igUserId,
    });
  }
}

/**
 * Cuts [since, until) into consecutive windows of at most `maxDays` days (default 29, one
 * day under the limit: some call shapes have been seen to count the boundary day).
 */
export function splitInsightWindows(window: InsightWindow, maxDays = 29): InsightWindow[] {
  if (maxDays <= 0 || maxDays > MAX_INSIGHT_WINDOW_DAYS) {
    throw new RangeError(`maxDays must be 1..${MAX_INSIGHT_WINDOW_DAYS}`);
  }
  const windows: InsightWindow[] = [];
  const end = window.until.getTime();
  for (let start = window.since.getTime(); start < end; start += maxDays * DAY_MS) {
    windows.push({
      since: new Date(start),
      until: new Date(Math.min(end, start + maxDays * DAY_MS)),
    });
  }
  return windows;
}
