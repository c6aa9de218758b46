import type { StepContext } from '../step.contract.js';
import { mapBounded } from './bounded.js';
import { STORED_FOLLOW_METRICS } from './follow-insights.js';
import { planDays, type DayPlan, type Fetched } from './insight-day-plan.js';
import { fetchSeries, seriesCalls } from './insight-series.js';
import { fetchTotals } from './insight-totals.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';
import { WriteBehind } from './write-behind.js';

/**
 * Account insights, per day: the days of the window not yet stored as final plus the trailing
 * days (Instagram fills them in up to 48 h late), so a backfill is paid once and a nightly run
 * costs a handful of calls. Time series (`reach`, `follower_count`) come in windows of at most
 * 30 days; `total_value` metrics give one total per since→until range, so one call per day
 * carries all of them. A metric Instagram has not measured yet is stored as NULL, not 0.
 * The calls run several at once (`insightConcurrency`), in no order that matters.
 */
export async function syncAccountInsights(
  deps: StepDeps,
  context: StepContext,
  tally: StepTally,
): Promise<void> {
  const plan = await planDays(deps, context);
  const metrics = [...deps.options.totalValueMetrics, ...Object.values(STORED_FOLLOW_METRICS)];
  const totalDays = plan.days.filter((day) => metrics.some((m) => plan.needs(m, day)));
  const onRefused = (metric: string) => refuse(context, plan, tally, metric);
  const calls: Array<() => Promise<Fetched>> = [
    ...seriesCalls(plan).map(
      (call) => () => fetchSeries(deps, context, plan, call.metrics, call.days),
    ),
    ...totalDays.map((day) => () => fetchTotals(deps, context, plan, day, onRefused)),
  ];
  // Every call of the account at once as far as its pacing allows; rows stored in batches
  // behind the calls still running.
  const writes = new WriteBehind();
  let batch: Fetched[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    await writes.push(() => store(deps, context, tally, rows));
  };
  await mapBounded(calls, deps.options.insightConcurrency, async (call) => {
    const fetched = await call();
    batch.push(fetched);
    if (batch.length >= deps.options.insightBatch) await flush();
  });
  if (batch.length > 0) await flush();
  await writes.drain();
}

/** Drops a metric Instagram refuses for this account: said once, counted as skipped. */
function refuse(context: StepContext, plan: DayPlan, tally: StepTally, metric: string): void {
  if (plan.refused.has(metric)) return;
  plan.refused.add(metric);
  tally.add({ skipped: 1 });
  context.logger.warn(
    { userNo: context.account.userNo, metric },
    `Instagram refuses the account metric ${metric}: left out for this account in this run`,
  );
}

async function store(
  deps: StepDeps,
  context: StepContext,
  tally: StepTally,
  fetched: Fetched | Fetched[],
): Promise<void> {
  const all = ([] as Fetched[]).concat(fetched);
  const rows = all.flatMap((f) => f.rows);
  const written = await deps.repos.accountInsights.upsertMany(rows);
  tally.add({ read: all.reduce((sum, f) => sum + f.read, 0), written });
  await tally.checkpoint(context);
}
