import type { DebounceOptions } from 'agenda';

/** When a debounced job runs next, and since when its current debounce window is open. */
export interface DebouncedSchedule {
  nextRunAt: Date | null;
  debounceStartedAt: Date | null;
}

/**
 * Schedule of a debounced job saved for the first time: `leading` runs it as asked (at once),
 * `trailing` (the default) after the quiet period.
 */
export function firstDebouncedSchedule(
  requested: Date | null,
  debounce: DebounceOptions,
  now: Date,
): DebouncedSchedule {
  return {
    nextRunAt:
      debounce.strategy === 'leading' ? requested : new Date(now.getTime() + debounce.delay),
    debounceStartedAt: now,
  };
}

/**
 * Schedule of a debounced job saved again while a matching job exists. `leading` keeps the
 * existing run time; `trailing` pushes it a full delay past now, unless the window has been
 * open for `maxWait` already, in which case it runs now and the window closes.
 */
export function nextDebouncedSchedule(
  existing: { nextRunAt: Date | null; debounceStartedAt?: Date | undefined },
  debounce: DebounceOptions,
  now: Date,
): DebouncedSchedule {
  const startedAt = existing.debounceStartedAt ?? now;
  if (debounce.strategy === 'leading') {
    return { nextRunAt: existing.nextRunAt, debounceStartedAt: startedAt };
  }
  if (debounce.maxWait && now.getTime() - startedAt.getTime() >= debounce.maxWait) {
    return { nextRunAt: now, debounceStartedAt: null };
  }
  return { nextRunAt: new Date(now.getTime() + debounce.delay), debounceStartedAt: startedAt };
}
