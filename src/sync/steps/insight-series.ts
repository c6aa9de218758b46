import { addDays, coveringWindows, dayOfEndTime, spanOf } from './insight-days.js';
import { PERIOD, row, type DayPlan, type Fetched } from './insight-day-plan.js';
import type { StepContext } from '../step.contract.js';
import type { AccountInsightRecord } from '../../db/repositories/ig-account-insight.repository.js';
import type { StepDeps } from './step-deps.js';
import { inHalves, MAX_INSIGHT_WINDOW_DAYS, mergeInsights } from '../../instagram/index.js';

/**
 * `follower_count` answers only for the last 30 days excluding today; an older `since` fails
 * every metric of the call, so it is never asked further back.
 */
const FOLLOWER_COUNT_DAYS = 30;

/** One time-series call: these metrics over these days (at most one window). */
export interface SeriesCall {
  metrics: string[];
  days: string[];
}

/**
 * `reach` over the window in windows aligned at the newest day, and `follower_count` over its
 * last 30 days in the newest of them, so a backfill of N days costs ⌈N/30⌉ calls rather than
 * one more for follower_count. Follower days the newest window lacks (it holds 29 days across
 * the November change) get windows of their own.
 */
export function seriesCalls(plan: DayPlan): SeriesCall[] {
  const followerFrom = addDays(plan.today, -FOLLOWER_COUNT_DAYS);
  const reach = plan.days.filter((day) => plan.needs('reach', day));
  const followers = plan.days.filter((d) => d >= followerFrom && plan.needs('follower_count', d));
  const windows = (metric: string, days: string[]) =>
    coveringWindows(days, MAX_INSIGHT_WINDOW_DAYS).map((w) => ({ metrics: [metric], days: w }));
  const calls = windows('reach', reach);
  const newest = calls.at(-1);
  // Never with an older `since`: follower_count's 30-day rule would fail every metric of the call.
  const joins = newest !== undefined && followers.length > 0 && newest.days[0]! >= followerFrom;
  if (joins) newest.metrics.push('follower_count');
  const rest = joins ? followers.filter((day) => !newest.days.includes(day)) : followers;
  return [...calls, ...windows('follower_count', rest)];
}

export async function fetchSeries(
  deps: StepDeps,
  context: StepContext,
  plan: DayPlan,
  metrics: string[],
  days: string[],
): Promise<Fetched> {
  // Still "too much" after the client's retries: the days in halves, each its own call.
  const ask = (part: readonly string[]) =>
    deps.graph.getAccountInsights(context.account, {
      metrics,
      period: PERIOD,
      ...spanOf(part[0]!, part.at(-1)!),
    });
  const insights = await inHalves(days, ask, mergeInsights);
  const rows: AccountInsightRecord[] = [];
  let read = 0;
  for (const metric of metrics) {
    const byDay = new Map<string, number>();
    for (const v of insights.find((i) => i.name === metric)?.values ?? []) {
      if (typeof v.value === 'number' && v.end_time) byDay.set(dayOfEndTime(v.end_time), v.value);
    }
    read += byDay.size;
    for (const day of days.filter((d) => plan.needs(metric, d))) {
      rows.push(row(plan, metric, day, byDay.get(day) ?? null));
    }
  }
  return { rows, read };
}
