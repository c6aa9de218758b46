/**
 * `GET /{ig-user-id}/insights`: time series (`values[{value, end_time}]`, one per day
 * bucket whose start lies in [since, until), `end_time` at the next Pacific midnight) or `total_value`
 * (one total for the window). Days not measured yet are left out; when nothing in the
 * window is measured, `data` is empty — the way the API shows "not yet processed".
 */
import {
  ACCOUNT_METRICS,
  dailyValue,
  isMeasured,
  onlineFollowers,
  rollingReach,
  windowTotal,
  type InsightSubject,
} from './account-insights.values.js';
import {
  DEMOGRAPHIC_METRICS,
  planAccountInsights,
  TOTAL_VALUE_METRICS,
  type InsightsPlan,
} from './account-insights.rules.js';
import type { FakeAccount } from './fake-graph-api.types.js';
import { graphLink, type GraphContext, type Json } from './graph-context.js';
import { bucketDayOf, bucketStart, DAY_MS, toGraphTime } from './graph-time.js';
import { assertBreakdown, breakdowns } from './insight-breakdowns.js';

const TITLES: Record<string, string> = {
  reach: 'Accounts reached',
  follower_count: 'Follower count',
  online_followers: 'Online followers',
  views: 'Views',
  accounts_engaged: 'Accounts engaged',
  total_interactions: 'Content interactions',
};

function describe(name: string, period: string, account: FakeAccount): Json {
  const title = TITLES[name] ?? name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return {
    title,
    description: `${title} (${period}).`,
    id: `${account.igUserId}/insights/${name}/${period}`,
  };
}

/** Day buckets whose start lies in [sinceMs, untilMs). */
function daysIn(sinceMs: number, untilMs: number): number[] {
  const days: number[] = [];
  let day = bucketDayOf(sinceMs);
  if (bucketStart(day) < sinceMs) day += 1;
  for (; bucketStart(day) < untilMs; day += 1) days.push(day);
  return days;
}

function seriesValue(s: InsightSubject, metric: string, period: string, day: number): unknown {
  if (metric === 'online_followers') return onlineFollowers(s, day);
  if (period === 'week') return rollingReach(s, 7, day);
  if (period === 'days_28') return rollingReach(s, 28, day);
  return dailyValue(s, metric, day);
}

function timeSeries(
  ctx: GraphContext,
  account: FakeAccount,
  plan: InsightsPlan,
  days: number[],
): Json[] {
  const subject = ctx.store.insightSubject(account);
  if (days.length === 0) return [];
  const recent = bucketDayOf(ctx.nowMs) - 30;
  return plan.metrics.map((name) => ({
    name,
    period: plan.period,
    values: days
      .filter((d) => name !== 'online_followers' || d >= recent)
      .map((d) => ({
        value: seriesValue(subject, name, plan.period, d),
        end_time: toGraphTime(bucketStart(d + 1)),
      })),
    ...describe(name, plan.period, account),
  }));
}

function totals(
  ctx: GraphContext,
  account: FakeAccount,
  plan: InsightsPlan,
  days: number[],
): Json[] {
  const subject = ctx.store.insightSubject(account);
  assertBreakdown(plan.breakdown);
  const out: Json[] = [];
  for (const name of plan.metrics) {
    const parts = [subject.seed, subject.accountIndex, ACCOUNT_METRICS.indexOf(name)];
    if (DEMOGRAPHIC_METRICS.has(name)) {
      const keys = plan.breakdown.length > 0 ? plan.breakdown : ['country'];
      const total = breakdowns(parts, keys, subject.followers);
      out.push({
        name,
        period: plan.period,
        total_value: { breakdowns: total },
        ...describe(name, plan.period, account),
      });
    } else if (name === 'follows_and_unfollows' && days.length > 0) {
      out.push(followsAndUnfollows(subject, plan, days, account));
    } else if (TOTAL_VALUE_METRICS.has(name) && days.length > 0) {
      const value = windowTotal(subject, name, days);
      const split =
        plan.breakdown.length > 0 ? { breakdowns: breakdowns(parts, plan.breakdown, value) } : {};
      out.push({
        name,
        period: plan.period,
        total_value: { value, ...split },
        ...describe(name, plan.period, account),
      });
    }
  }
  return out;
}

/**
 * `follows_and_unfollows` has a value only split by `breakdown=follow_type` (FOLLOWER: follows,
 * NON_FOLLOWER: unfollows); asked without it, the real API answers no `total_value` at all.
 */
function followsAndUnfollows(
  subject: InsightSubject,
  plan: InsightsPlan,
  days: number[],
  account: FakeAccount,
): Json {
  const entry = { name: 'follows_and_unfollows', period: plan.period };
  const described = describe(entry.name, plan.period, account);
  if (!plan.breakdown.includes('follow_type')) return { ...entry, ...described };
  const result = (type: string, metric: string) => ({
    dimension_values: [type],
    value: windowTotal(subject, metric, days),
  });
  const split = [result('FOLLOWER', 'follows'), result('NON_FOLLOWER', 'unfollows')];
  return {
    ...entry,
    total_value: { breakdowns: [{ dimension_keys: ['follow_type'], results: split }] },
    ...described,
  };
}

/** Time-series answers page by shifting since/until by the window length. */
function seriesPaging(ctx: GraphContext, account: FakeAccount, plan: InsightsPlan): Json {
  const span = Math.max(plan.untilMs - plan.sinceMs, DAY_MS);
  const link = (shift: number): string => {
    const params: Record<string, string> = {};
    for (const [key, value] of ctx.query) params[key] = value;
    params.since = String(Math.floor((plan.sinceMs + shift) / 1000));
    params.until = String(Math.floor((plan.untilMs + shift) / 1000));
    return graphLink(ctx, `${account.igUserId}/insights`, params);
  };
  return { previous: link(-span), next: link(span) };
}

export function accountInsights(ctx: GraphContext, account: FakeAccount): Json {
  const plan = planAccountInsights(ctx.query, ctx.nowMs);
  const subject = ctx.store.insightSubject(account);
  const days = daysIn(plan.sinceMs, plan.untilMs).filter((d) => isMeasured(subject, d, ctx.nowMs));
  if (plan.totalValue) return { data: totals(ctx, account, plan, days) };
  const data = timeSeries(ctx, account, plan, days);
  return data.length > 0 ? { data, paging: seriesPaging(ctx, account, plan) } : { data };
}
