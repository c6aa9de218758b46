import type { IgInsight } from '../../instagram/index.js';
import { inHalves, mergeInsights } from '../../instagram/index.js';
import type { StepContext } from '../step.contract.js';
import { isBreakdownRefusal } from './combined-totals.js';
import { FOLLOW_TYPE_BREAKDOWN, FOLLOWS_METRIC, followsOf } from './follow-insights.js';
import { PERIOD, row, type DayPlan, type Fetched } from './insight-day-plan.js';
import { spanOf } from './insight-days.js';
import { askWithoutRefused } from './refused-metrics.js';
import type { StepDeps } from './step-deps.js';

interface Asked {
  answer: IgInsight[] | null;
  asked: readonly string[];
}
type Ask = (metrics: readonly string[], breakdown?: string) => Promise<Asked>;

/**
 * A day's `total_value` metrics and its follows/unfollows split (`breakdown=follow_type`) in
 * one call; in two once Instagram refused the breakdown beside the other metrics.
 */
export async function fetchTotals(
  deps: StepDeps,
  context: StepContext,
  plan: DayPlan,
  day: string,
  onRefused: (metric: string) => void,
): Promise<Fetched> {
  const ask: Ask = (metrics, breakdown) =>
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
  const { totals, follows } = await askTotals(deps, context, ask);
  const values: Record<string, number | null> =
    follows.answer && follows.asked.includes(FOLLOWS_METRIC) ? followsOf(follows.answer) : {};
  for (const metric of totals.asked.filter((m) => m !== FOLLOWS_METRIC)) {
    const value = totals.answer?.find((i) => i.name === metric)?.total_value?.value;
    values[metric] = typeof value === 'number' ? value : null;
  }
  const rows = Object.entries(values).map(([metric, value]) => row(plan, metric, day, value));
  return { rows, read: rows.filter((r) => r.value !== null).length };
}

async function askTotals(
  deps: StepDeps,
  context: StepContext,
  ask: Ask,
): Promise<{ totals: Asked; follows: Asked }> {
  const metrics = deps.options.totalValueMetrics;
  if (deps.combinedTotals.combined) {
    try {
      const both = await ask([...metrics, FOLLOWS_METRIC], FOLLOW_TYPE_BREAKDOWN);
      return { totals: both, follows: both };
    } catch (error) {
      if (!isBreakdownRefusal(error)) throw error;
      if (deps.combinedTotals.separate()) {
        context.logger.warn(
          { userNo: context.account.userNo, err: error.toJSON() },
          `Instagram refuses breakdown=${FOLLOW_TYPE_BREAKDOWN} beside other metrics: asking ${FOLLOWS_METRIC} in a call of its own from now on`,
        );
      }
    }
  }
  const [totals, follows] = await Promise.all([
    ask(metrics),
    ask([FOLLOWS_METRIC], FOLLOW_TYPE_BREAKDOWN),
  ]);
  return { totals, follows };
}
