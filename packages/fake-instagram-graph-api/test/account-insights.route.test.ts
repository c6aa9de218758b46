import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, DAY_MS, testClock, type Page } from './support/test-client.js';

interface Insight {
  name: string;
  period: string;
  values?: { value: number; end_time: string }[];
  total_value?: {
    value?: number;
    breakdowns?: { dimension_keys: string[]; results: { value: number }[] }[];
  };
  id: string;
}

const NOW = '2026-06-15T12:00:00Z';
const clock = testClock(NOW);
let api: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({ accounts: 1, media: 3, comments: 1, now: clock.now });
  account = api.data.accounts[0] as FakeAccount;
});

afterAll(() => api.close());

/** Unix seconds of the start of an API day bucket (Pacific midnight: 07:00 UTC in June). */
const dayStart = (day: string): string => String(Date.parse(`${day}T07:00:00Z`) / 1000);
const nextDay = (day: string): string =>
  new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10);

const insights = (query: Record<string, string>) =>
  call<Page<Insight>>(api, `${account.igUserId}/insights`, { token: account.accessToken, query });

describe('account insights', () => {
  it('answers a daily series with end_time at Pacific midnight (07:00 UTC in June), equal to the data set', async () => {
    const reply = await insights({
      metric: 'reach,follower_count',
      period: 'day',
      since: dayStart('2026-06-01'),
      until: dayStart('2026-06-11'),
    });
    const [reach, followers] = reply.body.data;
    expect(reach?.values).toHaveLength(10);
    expect(reach?.values?.[0]?.end_time).toBe('2026-06-02T07:00:00+0000');
    expect(reach?.id).toBe(`${account.igUserId}/insights/reach/day`);
    expect(reach?.values?.[0]?.value).toBe(
      api.data.accountInsight(account.igUserId, 'reach', 'day', '2026-06-01'),
    );
    expect(followers?.values?.[9]?.value).toBe(
      api.data.accountInsight(account.igUserId, 'follower_count', 'day', '2026-06-10'),
    );
    expect(reply.body.paging?.next).toContain(`since=${dayStart('2026-06-11')}`);
  });

  it('answers weekly and 28-day reach as their own series', async () => {
    for (const period of ['week', 'days_28'] as const) {
      const reply = await insights({
        metric: 'reach',
        period,
        since: dayStart('2026-06-05'),
        until: dayStart('2026-06-06'),
      });
      expect(reply.body.data[0]?.values?.[0]?.value).toBe(
        api.data.accountInsight(account.igUserId, 'reach', period, '2026-06-05'),
      );
    }
  });

  it('answers follows_and_unfollows only split by follow_type: follows and unfollows', async () => {
    const day = '2026-06-05';
    const ask = (extra: Record<string, string>) =>
      insights({
        metric: 'follows_and_unfollows',
        period: 'day',
        metric_type: 'total_value',
        since: dayStart(day),
        until: dayStart(nextDay(day)),
        ...extra,
      });
    const plain = (await ask({})).body.data[0];
    expect(plain?.name).toBe('follows_and_unfollows');
    expect(plain).not.toHaveProperty('total_value');
    const split = (await ask({ breakdown: 'follow_type' })).body.data[0]?.total_value;
    const truth = (metric: string) => api.data.accountInsight(account.igUserId, metric, 'day', day);
    expect(split?.breakdowns).toEqual([
      {
        dimension_keys: ['follow_type'],
        results: [
          { dimension_values: ['FOLLOWER'], value: truth('follows') },
          { dimension_values: ['NON_FOLLOWER'], value: truth('unfollows') },
        ],
      },
    ]);
  });

  it('answers follows_and_unfollows beside other totals in one call, each other total keeping its value', async () => {
    const day = '2026-06-05';
    const reply = await insights({
      metric: 'views,likes,follows_and_unfollows',
      period: 'day',
      metric_type: 'total_value',
      breakdown: 'follow_type',
      since: dayStart(day),
      until: dayStart(nextDay(day)),
    });
    const truth = (metric: string) => api.data.accountInsight(account.igUserId, metric, 'day', day);
    const [views, likes, follows] = reply.body.data;
    expect(views?.total_value?.value).toBe(truth('views'));
    expect(likes?.total_value?.value).toBe(truth('likes'));
    expect(views?.total_value?.breakdowns?.[0]?.dimension_keys).toEqual(['follow_type']);
    expect(follows?.total_value).not.toHaveProperty('value');
    expect(follows?.total_value?.breakdowns?.[0]?.results.map((r) => r.value)).toEqual([
      truth('follows'),
      truth('unfollows'),
    ]);
  });

  it('answers one total per window for total_value metrics, with no values array', async () => {
    const oneDay = await insights({
      metric: 'views,likes,reach',
      period: 'day',
      metric_type: 'total_value',
      since: dayStart('2026-06-05'),
      until: dayStart('2026-06-06'),
    });
    const views = oneDay.body.data[0];
    expect(views).not.toHaveProperty('values');
    expect(views?.total_value?.value).toBe(
      api.data.accountInsight(account.igUserId, 'views', 'day', '2026-06-05'),
    );
    const week = await insights({
      metric: 'likes,reach',
      period: 'day',
      metric_type: 'total_value',
      since: dayStart('2026-06-01'),
      until: dayStart('2026-06-08'),
    });
    const days = [
      '2026-06-01',
      '2026-06-02',
      '2026-06-03',
      '2026-06-04',
      '2026-06-05',
      '2026-06-06',
      '2026-06-07',
    ];
    const sum = (metric: string) =>
      days.reduce(
        (n, d) => n + (api.data.accountInsight(account.igUserId, metric, 'day', d) ?? 0),
        0,
      );
    expect(week.body.data[0]?.total_value?.value).toBe(sum('likes'));
    expect(week.body.data[1]?.total_value?.value).toBeLessThan(sum('reach')); // unique reach is not additive
  });

  it('leaves out days not measured yet and answers empty data when none is', async () => {
    const reply = await insights({ metric: 'reach', period: 'day', since: dayStart('2026-06-12') });
    const measured = ['2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15'].filter(
      (d) => api.data.accountInsight(account.igUserId, 'reach', 'day', d) !== null,
    );
    expect(measured.length).toBeLessThan(4);
    expect(reply.body.data[0]?.values?.map((v) => v.end_time.slice(0, 10))).toEqual(
      measured.map(nextDay),
    );
    const today = await insights({ metric: 'reach', period: 'day', since: dayStart('2026-06-15') });
    expect(today.body).toEqual({ data: [] });
    const total = await insights({
      metric: 'views',
      period: 'day',
      metric_type: 'total_value',
      since: dayStart('2026-06-15'),
    });
    expect(total.body).toEqual({ data: [] });
  });

  it('fills a day in once its processing delay has passed', async () => {
    expect(api.data.accountInsight(account.igUserId, 'reach', 'day', '2026-06-15')).toBeNull();
    clock.advance(3 * DAY_MS);
    expect(api.data.accountInsight(account.igUserId, 'reach', 'day', '2026-06-15')).toEqual(
      expect.any(Number),
    );
    const reply = await insights({
      metric: 'reach',
      period: 'day',
      since: dayStart('2026-06-15'),
      until: dayStart('2026-06-16'),
    });
    expect(reply.body.data[0]?.values).toHaveLength(1);
    clock.advance(-3 * DAY_MS);
  });

  it('splits a total by a breakdown and answers demographics as breakdowns only', async () => {
    const views = await insights({
      metric: 'views',
      period: 'day',
      metric_type: 'total_value',
      breakdown: 'media_product_type',
      since: dayStart('2026-06-05'),
      until: dayStart('2026-06-06'),
    });
    const split = views.body.data[0]?.total_value?.breakdowns?.[0];
    expect(split?.dimension_keys).toEqual(['media_product_type']);
    expect(split?.results.length).toBeGreaterThan(1);
    const demo = await insights({
      metric: 'follower_demographics',
      period: 'lifetime',
      metric_type: 'total_value',
      breakdown: 'age,gender',
    });
    expect(demo.body.data[0]?.total_value).not.toHaveProperty('value');
    expect(demo.body.data[0]?.total_value?.breakdowns?.[0]?.results).toHaveLength(21);
  });
});
