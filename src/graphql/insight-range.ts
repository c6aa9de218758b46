import { DateTime } from 'luxon';
import { AppError } from '../errors/app.error.js';
import { parseDay } from './graphql-args.js';

/**
 * Bounds of one insights read: Instagram keeps two years of daily account insights, and an
 * account has a few dozen metrics, so anything wider asks for rows that cannot exist while
 * still costing a scan.
 */
export const INSIGHT_LIMITS = { days: 731, metrics: 30 } as const;

export interface InsightRange extends DayRange {
  metrics: string[] | undefined;
}

export interface DayRange {
  since: string;
  until: string;
}

/** A `since`/`until` pair of days, checked: both valid, in order, at most two years apart. */
export function dayRange(args: { since: string; until: string }): DayRange {
  const since = parseDay(args.since, 'since');
  const until = parseDay(args.until, 'until');
  const days = DateTime.fromISO(until).diff(DateTime.fromISO(since), 'days').days + 1;
  if (days < 1)
    throw new AppError('BAD_USER_INPUT', `until must not be before since (${since})`, 'until');
  if (days > INSIGHT_LIMITS.days)
    throw new AppError(
      'BAD_USER_INPUT',
      `since..until spans ${days} days; at most ${INSIGHT_LIMITS.days} (two years)`,
      'until',
    );
  return { since, until };
}

/** The `insights(metrics, since, until)` arguments, checked: days as `dayRange`, metrics bounded. */
export function insightRange(args: {
  metrics?: string[] | null;
  since: string;
  until: string;
}): InsightRange {
  const { since, until } = dayRange(args);
  const metrics = args.metrics ?? undefined;
  if (metrics && metrics.length > INSIGHT_LIMITS.metrics)
    throw new AppError(
      'BAD_USER_INPUT',
      `metrics names ${metrics.length} metrics; at most ${INSIGHT_LIMITS.metrics}`,
      'metrics',
    );
  return { metrics, since, until };
}
