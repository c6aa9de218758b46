import { describe, expect, it } from '@jest/globals';
import type { FakeAccount, FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import type { SyncedDataRepositories } from '../../../src/db/repositories/create-repositories.js';
import { GraphApiError } from '../../../src/instagram/index.js';
import { DEFAULT_TOTAL_VALUE_METRICS } from '../../../src/sync/steps/index.js';
import { TEST_ENGINES } from '../../support/databases.js';
import { stepsOnEngine } from '../../support/steps-on-engine.js';
import { fakeMediaInWindow, type StepsHarness } from '../../support/sync-steps.js';

const DAY_MS = 86_400_000;
/** Instagram's day (buckets of UTC−07:00) at NOW, and the days around it. */
const TODAY = '2026-11-20';
const day = (offset: number, from = TODAY): string =>
  new Date(Date.parse(`${from}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = day(1, d)) days.push(d);
  return days;
}

interface Value {
  metric: string;
  day: string;
  value: number | null;
  final: boolean;
}

/**
 * What Instagram has for every (metric, day) the steps should have stored by `today`;
 * follower_count from `firstRunToday` − 30 days (the oldest it could ask for).
 */
function expectedAccountInsights(
  fake: FakeGraphApi,
  igUserId: string,
  firstDay: string,
  today: string,
  firstRunToday = today,
): Value[] {
  const days = daysBetween(firstDay, day(-1, today));
  const value = (metric: string, d: string): Value => ({
    metric,
    day: d,
    value: fake.data.accountInsight(igUserId, metric, 'day', d),
    final: d < day(-3, today),
  });
  return sortValues([
    ...days.map((d) => value('reach', d)),
    ...days.filter((d) => d >= day(-30, firstRunToday)).map((d) => value('follower_count', d)),
    ...[...DEFAULT_TOTAL_VALUE_METRICS, 'follows', 'unfollows'].flatMap((metric) =>
      days.map((d) => value(metric, d)),
    ),
  ]);
}

const sortValues = (values: Value[]): Value[] =>
  [...values].sort((a, b) => (a.metric + a.day < b.metric + b.day ? -1 : 1));

async function storedAccountInsights(
  repos: SyncedDataRepositories,
  igUserId: string,
): Promise<Value[]> {
  const rows = await repos.accountInsights.findSeries({
    igUserId,
    since: '2000-01-01',
    until: '2100-01-01',
  });
  for (const row of rows) expect(row.period).toBe('day');
  return sortValues(rows.map(({ metric, day, value, final }) => ({ metric, day, value, final })));
}

const insightCalls = (h: StepsHarness, account: FakeAccount, from: number) =>
  h.requestsSince(from).filter((r) => r.path.endsWith(`/${account.igUserId}/insights`));
/** The per-day `metric_type=total_value` calls. */
const totalCalls = (h: StepsHarness, account: FakeAccount, from: number) =>
  insightCalls(h, account, from).filter((r) => r.query.metric_type === 'total_value');
/** The time-series calls (reach, follower_count): those without `metric_type=total_value`. */
const seriesCalls = (h: StepsHarness, account: FakeAccount, from: number) =>
  insightCalls(h, account, from).filter((r) => r.query.metric_type === undefined);

describe.each(TEST_ENGINES)('the insights step on %s', (engine) => {
  const steps = stepsOnEngine(engine);

  it('stores every day of the window per metric as Instagram measured it, NULL for days not measured yet', async () => {
    const h = await steps.start({ seed: 401 });
    const account = h.account();
    await h.run('media');

    const { counts, context } = await h.run('insights');

    const stored = await storedAccountInsights(steps.repos, account.igUserId);
    expect(stored).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, TODAY),
    );
    expect(stored.filter((v) => v.value === null).length).toBeGreaterThan(0);
    // A measured 0 (e.g. no follows that day) stays 0, apart from NULL.
    expect(stored.filter((v) => v.value === 0).length).toBeGreaterThan(0);
    expect(stored.filter((v) => v.value === null).every((v) => v.day >= day(-3))).toBe(true);
    expect(insightCalls(h, account, 0).filter((r) => r.status !== 200)).toEqual([]);
    // 183 days in 7 reach windows (the newest, 29 days across the November change, carries
    // follower_count) and one follower_count call for the day that window lacks.
    const series = seriesCalls(h, account, 0).map((r) => String(r.query.metric));
    expect(series.filter((m) => m === 'reach')).toHaveLength(6);
    expect(series.filter((m) => m === 'reach,follower_count')).toHaveLength(1);
    expect(series.filter((m) => m === 'follower_count')).toHaveLength(1);
    expect(context.checkpointed()).toEqual(counts);
  });

  it('stores the days of the March change as Instagram measured them, beside summer, November and winter days', async () => {
    const h = await steps.start({ seed: 410 });
    const account = h.account();
    // 121 days on: 2027-03-21, a week after the March change; the window still starts in May.
    // The token would have lapsed by then: as if it had been refreshed meanwhile.
    h.fake.mutate.setTokenExpiry(account.igUserId, new Date('2027-06-01T00:00:00Z'));
    h.advanceHours(121 * 24);
    const today = '2027-03-21';

    await h.run('insights');

    const stored = await storedAccountInsights(steps.repos, account.igUserId);
    expect(stored).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, today),
    );
    // Windows aligned at the newest day: follower_count rides in the newest one, so the
    // 304 days cost ⌈304/30⌉ = 11 series calls, not one more.
    const days = daysBetween(h.window.startDay, day(-1, today)).length;
    expect(days).toBe(304);
    expect(seriesCalls(h, account, 0)).toHaveLength(Math.ceil(days / 30));
    expect(seriesCalls(h, account, 0).every((r) => r.status === 200)).toBe(true);
    const reachOn = (d: string) => stored.find((v) => v.metric === 'reach' && v.day === d)?.value;
    for (const d of ['2026-07-15', '2026-11-01', '2027-01-15', '2027-03-14'])
      expect(reachOn(d)).toBe(h.fake.data.accountInsight(account.igUserId, 'reach', 'day', d));
  });

  it('never asks follower_count further back than the last 30 days before today', async () => {
    const h = await steps.start({ seed: 402 }, { months: 12 });
    await h.run('insights');

    const followerCalls = h.fake.requests.filter((r) => r.query.metric?.includes('follower_count'));
    expect(followerCalls.length).toBeGreaterThan(0);
    const earliest = Date.parse(`${day(-30)}T07:00:00Z`) / 1000;
    for (const call of followerCalls) {
      expect(call.status).toBe(200);
      expect(Number(call.query.since)).toBeGreaterThanOrEqual(earliest);
    }
  });

  it('writes the same rows when run again, asking only for the trailing days', async () => {
    const h = await steps.start({ seed: 403 });
    const account = h.account();
    await h.run('media');
    await h.run('insights');
    const first = insightCalls(h, account, 0).length;
    const accountValues = await storedAccountInsights(steps.repos, account.igUserId);
    const ids = fakeMediaInWindow(account, h.window).map((m) => m.id);
    const mediaValues = (await steps.repos.mediaInsights.findByMediaIds(ids)).map(
      ({ fetchedAt: _, ...v }) => v,
    );
    const from = h.fake.requests.length;

    await h.run('insights');

    // reach and follower_count share one call; each trailing day one total_value call that
    // carries follows_and_unfollows split by follow_type beside the other totals.
    expect(insightCalls(h, account, from)).toHaveLength(4);
    expect(first).toBeGreaterThan(150);
    expect(await storedAccountInsights(steps.repos, account.igUserId)).toEqual(accountValues);
    const again = (await steps.repos.mediaInsights.findByMediaIds(ids)).map(
      ({ fetchedAt: _, ...v }) => v,
    );
    expect(again).toEqual(mediaValues);
  });

  it('a day later fetches the new day and the days not yet final, and finalises the day that left the trailing window', async () => {
    const h = await steps.start({ seed: 404 });
    const account = h.account();
    await h.run('insights');
    h.advanceHours(24);
    const from = h.fake.requests.length;

    await h.run('insights');

    const calls = insightCalls(h, account, from);
    const totalDays = calls
      .filter((c) => c.query.metric_type === 'total_value')
      .map((c) => Number(c.query.since));
    const asDays = totalDays.map((s) =>
      new Date(s * 1000 - 7 * 3_600_000).toISOString().slice(0, 10),
    );
    expect(asDays.sort()).toEqual([day(-3), day(-2), day(-1), TODAY]);
    expect(calls).toHaveLength(5);
    const stored = await storedAccountInsights(steps.repos, account.igUserId);
    expect(stored).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, day(1), TODAY),
    );
    expect(stored.find((v) => v.metric === 'reach' && v.day === day(-3))?.final).toBe(true);
  });

  it('asks each day’s totals and its follows split in one call', async () => {
    const h = await steps.start({ seed: 411 });
    const account = h.account();

    await h.run('insights');

    const days = daysBetween(h.window.startDay, day(-1));
    const totals = totalCalls(h, account, 0);
    expect(totals).toHaveLength(days.length);
    for (const call of totals) {
      expect(call).toMatchObject({ status: 200, query: { breakdown: 'follow_type' } });
      expect(String(call.query.metric).split(',')).toEqual([
        ...DEFAULT_TOTAL_VALUE_METRICS,
        'follows_and_unfollows',
      ]);
    }
    expect(await storedAccountInsights(steps.repos, account.igUserId)).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, TODAY),
    );
  });

  it('asks totals and follows in two calls a day, from then on, once Instagram refuses the breakdown beside other metrics', async () => {
    const h = await steps.start({ seed: 412 });
    const account = h.account();
    h.fake.faults.add({ kind: 'combinedBreakdown' });

    const { counts } = await h.run('insights');

    expect(counts.skipped).toBe(0);
    expect(await storedAccountInsights(steps.repos, account.igUserId)).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, TODAY),
    );
    const totals = totalCalls(h, account, 0);
    const refused = totals.filter((r) => r.status !== 200);
    // Refused at most once per day in flight at that moment (4), then never asked combined.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(4);
    const asked = totals.filter((r) => r.status === 200);
    const days = daysBetween(h.window.startDay, day(-1)).length;
    expect(asked.filter((r) => r.query.metric === 'follows_and_unfollows')).toHaveLength(days);
    expect(asked.filter((r) => r.query.breakdown === undefined)).toHaveLength(days);
    expect(asked).toHaveLength(2 * days);

    // The next run (the same process) asks apart at once: two calls per trailing day.
    h.advanceHours(24);
    const from = h.fake.requests.length;
    await h.run('insights');
    const again = totalCalls(h, account, from);
    expect(again.every((r) => r.status === 200)).toBe(true);
    expect(again).toHaveLength(2 * 4);
    expect(await storedAccountInsights(steps.repos, account.igUserId)).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, day(1), TODAY),
    );
  });

  it('drops an account metric Instagram refuses, once, and stores every other metric', async () => {
    const h = await steps.start({ seed: 408 });
    const account = h.account();
    // `impressions` was removed from the API: one bad name fails the whole call.
    const totalValueMetrics = [...DEFAULT_TOTAL_VALUE_METRICS, 'impressions'];

    const { counts } = await h.run('insights', { steps: { totalValueMetrics } });

    expect(counts.skipped).toBe(1);
    expect(await storedAccountInsights(steps.repos, account.igUserId)).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, TODAY),
    );
    const refused = insightCalls(h, account, 0).filter((r) => r.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    // Refused at most once per call in flight at that moment, then never asked again.
    expect(refused.length).toBeLessThanOrEqual(4);
    const asked = insightCalls(h, account, 0).filter((r) => r.status === 200);
    expect(asked.some((r) => String(r.query.metric).includes('impressions'))).toBe(false);
  });

  it('stores every day when Instagram keeps saying "reduce the amount of data", asking shorter ranges', async () => {
    const h = await steps.start({ seed: 409 });
    const account = h.account();
    // Four code-1 answers to the day series (at most two calls, one retry each): a series call
    // is answered code 1 twice in a row, and gets through only by asking shorter ranges.
    h.fake.faults.add({
      kind: 'tooMuchData',
      times: 4,
      match: { path: `${account.igUserId}/insights`, query: { metric_type: null } },
    });

    const { counts } = await h.run('insights');

    expect(counts.skipped).toBe(0);
    expect(await storedAccountInsights(steps.repos, account.igUserId)).toEqual(
      expectedAccountInsights(h.fake, account.igUserId, h.window.startDay, TODAY),
    );
    const series = insightCalls(h, account, 0).filter((r) => r.query.metric_type === undefined);
    expect(series.filter((r) => r.status !== 200)).toHaveLength(4);
    const spans = series.map((r) => Number(r.query.until) - Number(r.query.since));
    expect(Math.min(...spans)).toBeLessThan(Math.max(...spans) / 2);
  });

  it('fails with an auth error when the token expires mid-step', async () => {
    const h = await steps.start({ seed: 407 });
    const account = h.account();
    h.fake.faults.add({ kind: 'tokenExpired', atCall: 5, match: { igUserId: account.igUserId } });

    const error = await h.runFailing('insights');

    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).kind).toBe('auth');
  });
});
