/**
 * Validation of `GET /{ig-user-id}/insights` (reference §5a), in the order the checks
 * apply: metric names, metric_type, period, the 30-day window, the ~2-year history, and
 * `follower_count`'s last-30-days rule (which fails every metric of the call).
 */
import { ACCOUNT_METRICS } from './account-insights.values.js';
import { invalidParameter } from './graph-errors.js';
import { bucketDayOf, bucketStart, DAY_MS, parseTimeParam } from './graph-time.js';

/** Metrics with a time series, and the periods each accepts. */
const TIME_SERIES: Record<string, readonly string[]> = {
  reach: ['day', 'week', 'days_28'],
  follower_count: ['day'],
  online_followers: ['lifetime'],
};

/** `period=day` + `metric_type=total_value`: one total per since→until window. */
// prettier-ignore
export const TOTAL_VALUE_METRICS: ReadonlySet<string> = new Set([
  'reach', 'accounts_engaged', 'total_interactions', 'likes', 'comments', 'saves', 'shares',
  'replies', 'views', 'follows_and_unfollows', 'profile_links_taps', 'profile_views',
  'website_clicks', 'reposts',
]);

/** `period=lifetime` + `metric_type=total_value` + `breakdown`. */
export const DEMOGRAPHIC_METRICS: ReadonlySet<string> = new Set([
  'follower_demographics',
  'engaged_audience_demographics',
  'reached_audience_demographics',
]);

const PERIODS = ['day', 'week', 'days_28', 'month', 'lifetime', 'total_over_range'];
const MAX_WINDOW_MS = 2_592_000_000; // 30 days
const HISTORY_DAYS = 729;

export interface InsightsPlan {
  metrics: string[];
  period: string;
  totalValue: boolean;
  sinceMs: number;
  untilMs: number;
  breakdown: string[];
}

function metricsOf(raw: string | undefined): string[] {
  const metrics = (raw ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (metrics.length === 0) throw invalidParameter('The parameter metric is required');
  metrics.forEach((metric, i) => {
    if (!ACCOUNT_METRICS.includes(metric)) {
      const names = ACCOUNT_METRICS.join(', ');
      throw invalidParameter(`metric[${i}] must be one of the following values: ${names}`);
    }
  });
  return metrics;
}

function checkShape(metrics: string[], period: string, totalValue: boolean): void {
  if (!totalValue) {
    const needTotal = metrics.filter((m) => TIME_SERIES[m] === undefined);
    if (needTotal.length > 0) {
      throw invalidParameter(
        `The following metrics (${needTotal.join(', ')}) should be specified with parameter metric_type=total_value`,
      );
    }
  } else {
    const noTotal = metrics.filter((m) => TIME_SERIES[m] && !TOTAL_VALUE_METRICS.has(m));
    if (noTotal.length > 0) {
      throw invalidParameter(
        `The following metrics (${noTotal.join(', ')}) do not support metric_type=total_value`,
      );
    }
  }
  metrics.forEach((metric, i) => {
    const allowed = totalValue
      ? DEMOGRAPHIC_METRICS.has(metric)
        ? ['lifetime']
        : ['day']
      : (TIME_SERIES[metric] ?? []);
    if (!allowed.includes(period)) {
      throw invalidParameter(`metric[${i}] (${metric}) does not support period ${period}`);
    }
  });
}

function time(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = parseTimeParam(value);
  if (ms === undefined) throw invalidParameter(`The ${name} parameter is not a valid date`);
  return ms;
}

/** Checks a request and resolves its window (default: the last 24 hours). */
export function planAccountInsights(query: Map<string, string>, nowMs: number): InsightsPlan {
  const metrics = metricsOf(query.get('metric'));
  const metricType = query.get('metric_type') ?? 'time_series';
  if (metricType !== 'time_series' && metricType !== 'total_value') {
    throw invalidParameter(
      'metric_type must be one of the following values: time_series, total_value',
    );
  }
  const period = query.get('period') ?? '';
  if (!PERIODS.includes(period)) {
    throw invalidParameter(`period must be one of the following values: ${PERIODS.join(', ')}`);
  }
  const totalValue = metricType === 'total_value';
  checkShape(metrics, period, totalValue);
  const untilMs = time(query.get('until'), 'until') ?? nowMs;
  const sinceMs = time(query.get('since'), 'since') ?? untilMs - DAY_MS;
  if (untilMs - sinceMs > MAX_WINDOW_MS) {
    throw invalidParameter('There cannot be more than 30 days (2592000 s) between since and until');
  }
  const todayDay = bucketDayOf(nowMs);
  // Pacific days: 30 of them span 30 × 24 h ± 1 h when a daylight-saving change lies between.
  if (sinceMs < bucketStart(todayDay - HISTORY_DAYS)) {
    throw invalidParameter(
      'since param is not valid. Metrics data is available for the last 2 years',
    );
  }
  if (metrics.includes('follower_count') && sinceMs < bucketStart(todayDay - 30)) {
    throw invalidParameter(
      '(follower_count) metric only supports querying data for the last 30 days excluding the current day',
    );
  }
  const breakdown = (query.get('breakdown') ?? '').split(',').filter((b) => b !== '');
  return { metrics, period, totalValue, sinceMs, untilMs, breakdown };
}
