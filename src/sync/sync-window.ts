import { DateTime } from 'luxon';

/** The part of Instagram a run makes complete: [start of today − months, now] in `timezone`. */
export interface SyncWindow {
  months: number;
  timezone: string;
  start: Date;
  end: Date;
  /** First and last day of the window, `YYYY-MM-DD` in `timezone`. */
  startDay: string;
  endDay: string;
}

/** Computes a run's window; calendar months, so 1 month before 31 March is 28/29 February. */
export function syncWindow(months: number, timezone: string, now: Date = new Date()): SyncWindow {
  const end = DateTime.fromJSDate(now).setZone(timezone);
  const start = end.startOf('day').minus({ months });
  return fromBounds(months, timezone, start.toJSDate(), now);
}

/** Rebuilds a stored window (a restart keeps its run's window). */
export function fromBounds(months: number, timezone: string, start: Date, end: Date): SyncWindow {
  return {
    months,
    timezone,
    start,
    end,
    startDay: DateTime.fromJSDate(start).setZone(timezone).toISODate()!,
    endDay: DateTime.fromJSDate(end).setZone(timezone).toISODate()!,
  };
}
