import { addDays, dayOfEndTime, spanOf } from './insight-days.js';
import { PERIOD, row, type DayPlan, type Fetched } from './insight-day-plan.js';
import type { StepContext } from '../step.contract.js';
import type { AccountInsightRecord } from '../../db/repositories/ig-account-insight.repository.js';
import type { StepDeps } from './step-deps.js';
import { inHalves, mergeInsights } from '../../instagram/index.js';

/**
 * `follower_count` answers only for the last 30 days excluding today; an older `since` fails
 * every metric of the call, so it is never asked further back.
 */
const FOLLOWER_COUNT_DAYS = 30;

/** `reach` over the window and `follower_count` over its last 30 days: one call when alike. */
export function seriesGroups(plan: DayPlan): { metrics: string[]; days: string[] }[] {
  const followerFrom = addDays(plan.today, -FOLLOWER_COUNT_DAYS);
  const reach = plan.days.filter((day) => plan.needs('reach', day));
  const followers = plan.days.filter((d) => d >= followerFrom && plan.needs('follower_count', d));
  const groups =
    reach.join() === followers.join()
      ? [{ metrics: ['reach', 'follower_count'], days: reach }]
      : [
          { metrics: ['reach'], days: reach },
          { metrics: ['follower_count'], days: followers },
        ];
  return groups.filter((group) => group.days.length > 0);
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
