import type { StepContext } from '../step.contract.js';
import { FOLLOW_TYPE_BREAKDOWN, FOLLOWS_METRIC, followsOf } from './follow-insights.js';
import { PERIOD, row, type DayPlan, type Fetched } from './insight-day-plan.js';
import { spanOf } from './insight-days.js';
import { askWithoutRefused } from './refused-metrics.js';
import type { StepDeps } from './step-deps.js';
import { inHalves, mergeInsights } from '../../instagram/index.js';

/** A day's `total_value` metrics in one call, and its follows/unfollows split in another. */
export async function fetchTotals(
  deps: StepDeps,
  context: StepContext,
  plan: DayPlan,
  day: string,
  onRefused: (metric: string) => void,
): Promise<Fetched> {
  const ask = (metrics: readonly string[], breakdown?: string) =>
    askWithoutRefused(
      metrics.filter((metric) => !plan.refused.has(metric)),
      (asked) =>
        inHalves(
          asked,
          (part) =>
            deps.graph.getAccountInsights(context.account, {
              metrics: part,
              breakdown,
              period: PERIOD,
              metricType: 'total_value',
              ...spanOf(day, day),
            }),
          mergeInsights,
        ),
      onRefused,
    );
  const [totals, follows] = await Promise.all([
    ask(deps.options.totalValueMetrics),
    ask([FOLLOWS_METRIC], FOLLOW_TYPE_BREAKDOWN),
  ]);
  const values: Record<string, number | null> = follows.answer ? followsOf(follows.answer) : {};
  for (const metric of totals.asked) {
    const value = totals.answer?.find((i) => i.name === metric)?.total_value?.value;
    values[metric] = typeof value === 'number' ? value : null;
  }
  const rows = Object.entries(values).map(([metric, value]) => row(plan, metric, day, value));
  return { rows, read: rows.filter((r) => r.value !== null).length };
}
