import type { AccountInsightRecord } from '../../db/repositories/ig-account-insight.repository.js';
import { MAX_INSIGHT_WINDOW_DAYS } from '../../instagram/index.js';
import type { StepContext } from '../step.contract.js';
import { chunked, mapBounded } from './bounded.js';
import {
  addDays,
  coveringWindows,
  dayOfEndTime,
  daysFrom,
  insightToday,
  spanOf,
} from './insight-days.js';
import {
  FOLLOW_TYPE_BREAKDOWN,
  FOLLOWS_METRIC,
  followsOf,
  STORED_FOLLOW_METRICS,
} from './follow-insights.js';
import { askWithoutRefused } from './refused-metrics.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';

/**
 * `follower_count` answers only for the last 30 days excluding today; an older `since` fails
 * every metric of the call, so it is never asked further back.
 */
const FOLLOWER_COUNT_DAYS = 30;
const PERIOD = 'day';

/** Which days of the window this run fetches, and which it may store as final. */
interface DayPlan {
  /** The window's days that have ended (up to Instagram's yesterday), oldest first. */
  days: string[];
  today: string;
  igUserId: string;
  fetchedAt: Date;
  /** Not yet stored as final, or inside the trailing window Instagram may still fill in. */
  needs(metric: string, day: string): boolean;
  /** Older than the trailing window: Instagram will not change it any more. */
  isFinal(day: string): boolean;
  /** Metrics Instagram refused for this account in this run: not asked again. */
  refused: Set<string>;
}

/**
 * Account insights, per day: the days of the window not yet stored as final plus the trailing
 * days (Instagram fills them in up to 48 h late), so a backfill is paid once and a nightly run
 * costs a handful of calls. Time series (`reach`, `follower_count`) come in windows of at most
 * 30 days; `total_value` metrics give one total per since→until range, so one call per day
 * carries all of them. A metric Instagram has not measured yet is stored as NULL, not 0.
 */
export async function syncAccountInsights(
  deps: StepDeps,
  context: StepContext,
  tally: StepTally,
): Promise<void> {
  const plan = await planDays(deps, context);
  for (const group of seriesGroups(plan)) {
    for (const days of coveringWindows(group.days, MAX_INSIGHT_WINDOW_DAYS)) {
      const fetched = await fetchSeries(deps, context, plan, group.metrics, days);
      await store(deps, context, tally, fetched);
    }
  }
  const metrics = [...deps.options.totalValueMetrics, ...Object.values(STORED_FOLLOW_METRICS)];
  const totalDays = plan.days.filter((day) => metrics.some((m) => plan.needs(m, day)));
  for (const days of chunked(totalDays, deps.options.insightBatch)) {
    const fetched = await mapBounded(days, deps.options.insightConcurrency, (day) =>
      fetchTotals(deps, context, plan, day, (metric) => refuse(context, plan, tally, metric)),
    );
    await store(deps, context, tally, fetched);
  }
}

async function planDays(deps: StepDeps, context: StepContext): Promise<DayPlan> {
  const fetchedAt = deps.options.now();
  const today = insightToday(fetchedAt);
  const lastDay = addDays(today, -1);
  const trailingFrom = addDays(today, -deps.options.trailingDays);
  const igUserId = context.account.igUserId;
  const finals = await deps.repos.accountInsights.findFinalDays({
    igUserId,
    since: context.window.startDay,
    until: lastDay,
  });
  const final = new Set(finals.map((k) => `${k.metric}|${k.period}|${k.day}`));
  return {
    days: daysFrom(context.window.startDay, lastDay),
    today,
    igUserId,
    fetchedAt,
    needs: (metric, day) => day >= trailingFrom || !final.has(`${metric}|${PERIOD}|${day}`),
    isFinal: (day) => day < trailingFrom,
    refused: new Set(),
  };
}

/** `reach` over the window and `follower_count` over its last 30 days: one call when alike. */
function seriesGroups(plan: DayPlan): { metrics: string[]; days: string[] }[] {
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

async function fetchSeries(
  deps: StepDeps,
  context: StepContext,
  plan: DayPlan,
  metrics: string[],
  days: string[],
): Promise<Fetched> {
  const insights = await deps.graph.getAccountInsights(context.account, {
    metrics,
    period: PERIOD,
    ...spanOf(days[0]!, days.at(-1)!),
  });
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

/** A day's `total_value` metrics in one call, and its follows/unfollows split in another. */
async function fetchTotals(
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
        deps.graph.getAccountInsights(context.account, {
          metrics: asked,
          breakdown,
          period: PERIOD,
          metricType: 'total_value',
          ...spanOf(day, day),
        }),
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

interface Fetched {
  rows: AccountInsightRecord[];
  read: number;
}

function row(
  plan: DayPlan,
  metric: string,
  day: string,
  value: number | null,
): AccountInsightRecord {
  const { igUserId, fetchedAt } = plan;
  return { igUserId, metric, period: PERIOD, day, value, final: plan.isFinal(day), fetchedAt };
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
