import type { GraphPage } from './graph-reader.js';
import { count, type OldStyleAccount, type OldStyleJobContext } from './job-context.js';

/** The account metrics the old job stores per day; each answers one total per since→until. */
// prettier-ignore
const TOTAL_VALUE_METRICS = [
  'accounts_engaged', 'total_interactions', 'likes', 'comments', 'shares', 'saves', 'replies',
  'views', 'profile_links_taps',
];

const DAY_MS = 86_400_000;
/** Instagram refuses more than 30 days between since and until. */
const SERIES_WINDOW_DAYS = 30;

interface GraphInsight {
  name: string;
  total_value?: { value?: number };
  values?: Array<{ value?: number; end_time?: string }>;
}

/**
 * Days run from UTC midnight to UTC midnight: Instagram's day buckets start at Pacific
 * midnight (07:00 or 08:00 UTC), so each such range holds exactly the bucket of that date.
 */
function windowDays(ctx: OldStyleJobContext): Date[] {
  const days: Date[] = [];
  for (let day = ctx.window.start.getTime(); day <= ctx.window.end.getTime(); day += DAY_MS) {
    days.push(new Date(day));
  }
  return days;
}

const unixSeconds = (date: Date): string => String(Math.floor(date.getTime() / 1000));
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Day by day, one call for the day's totals; then reach as a daily series, 30 days a call.
 * The day's metrics share one call (they share its shape): one call per metric and day would
 * make 12,012 calls for 6 months on the data set against the 5,038 the issue measured.
 */
export async function syncAccountInsights(
  ctx: OldStyleJobContext,
  account: OldStyleAccount,
): Promise<void> {
  for (const day of windowDays(ctx)) {
    const params = {
      metric: TOTAL_VALUE_METRICS.join(','),
      period: 'day',
      metric_type: 'total_value',
      since: unixSeconds(day),
      until: unixSeconds(new Date(day.getTime() + DAY_MS)),
    };
    for (const insight of await readInsights(ctx, account, params)) {
      await saveDay(ctx, account, insight.name, isoDay(day), count(insight.total_value?.value));
    }
  }
  await syncDailyReach(ctx, account);
}

async function syncDailyReach(ctx: OldStyleJobContext, account: OldStyleAccount): Promise<void> {
  const end = ctx.window.end.getTime();
  for (let since = ctx.window.start.getTime(); since <= end; since += SERIES_WINDOW_DAYS * DAY_MS) {
    const until = Math.min(since + SERIES_WINDOW_DAYS * DAY_MS, end);
    const params = {
      metric: 'reach',
      period: 'day',
      since: unixSeconds(new Date(since)),
      until: unixSeconds(new Date(until)),
    };
    const answer = await readInsights(ctx, account, params);
    for (const point of answer[0]?.values ?? []) {
      if (point.end_time === undefined) continue;
      // `end_time` closes the day: the next Pacific midnight.
      const endTime = new Date(point.end_time.replace(/\+0000$/, 'Z'));
      const day = isoDay(new Date(endTime.getTime() - DAY_MS));
      await saveDay(ctx, account, 'reach', day, count(point.value));
    }
  }
}

async function readInsights(
  ctx: OldStyleJobContext,
  account: OldStyleAccount,
  params: Record<string, string>,
): Promise<GraphInsight[]> {
  const path = `/${account.igUserId}/insights`;
  const answer = await ctx.graph.getOrSkip<GraphPage<GraphInsight>>(
    path,
    params,
    account.accessToken,
  );
  return answer?.data ?? [];
}

async function saveDay(
  ctx: OldStyleJobContext,
  account: OldStyleAccount,
  metric: string,
  day: string,
  value: number | null,
): Promise<void> {
  await ctx.writer.upsert('old_account_insights', {
    ig_user_id: account.igUserId,
    metric,
    period: 'day',
    day,
    value,
  });
}
