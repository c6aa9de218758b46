import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, DAY_MS, testClock, type ErrorReply } from './support/test-client.js';

const NOW_MS = Date.parse('2026-06-15T12:00:00Z');
let api: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({
    accounts: 1,
    media: 2,
    comments: 1,
    now: testClock('2026-06-15T12:00:00Z').now,
  });
  account = api.data.accounts[0] as FakeAccount;
});

afterAll(() => api.close());

const daysAgo = (n: number): string => String(Math.floor((NOW_MS - n * DAY_MS) / 1000));

async function refusal(query: Record<string, string>): Promise<ErrorReply['error']> {
  const reply = await call<ErrorReply>(api, `${account.igUserId}/insights`, {
    token: account.accessToken,
    query,
  });
  expect(reply.status).toBe(400);
  return reply.body.error;
}

const ACCOUNT_METRICS =
  'reach, follower_count, website_clicks, profile_views, online_followers, accounts_engaged, ' +
  'total_interactions, likes, comments, shares, saves, replies, engaged_audience_demographics, ' +
  'reached_audience_demographics, follower_demographics, follows_and_unfollows, profile_links_taps, ' +
  'views, threads_likes, threads_replies, reposts, quotes, threads_followers, ' +
  'threads_follower_demographics, content_views, threads_views, threads_clicks, threads_reposts';

describe('account insights limits', () => {
  it('refuses more than 30 days between since and until', async () => {
    const error = await refusal({
      metric: 'reach',
      period: 'day',
      since: daysAgo(40),
      until: daysAgo(9),
    });
    expect(error).toMatchObject({
      code: 100,
      type: 'OAuthException',
      message: '(#100) There cannot be more than 30 days (2592000 s) between since and until',
    });
  });

  it('refuses a since older than the ~2 years of history', async () => {
    const error = await refusal({
      metric: 'reach',
      period: 'day',
      since: daysAgo(731),
      until: daysAgo(725),
    });
    expect(error.message).toBe(
      '(#100) since param is not valid. Metrics data is available for the last 2 years',
    );
    const accepted = await call(api, `${account.igUserId}/insights`, {
      token: account.accessToken,
      query: { metric: 'reach', period: 'day', since: daysAgo(728), until: daysAgo(720) },
    });
    expect(accepted.status).toBe(200);
  });

  it('fails the whole call when follower_count reaches past the last 30 days', async () => {
    const error = await refusal({
      metric: 'reach,follower_count',
      period: 'day',
      since: daysAgo(45),
      until: daysAgo(20),
    });
    expect(error.message).toBe(
      '(#100) (follower_count) metric only supports querying data for the last 30 days excluding the current day',
    );
  });

  it('lists the valid names when one metric is unknown, naming its index', async () => {
    const error = await refusal({ metric: 'reach,impressions', period: 'day' });
    expect(error.message).toBe(
      `(#100) metric[1] must be one of the following values: ${ACCOUNT_METRICS}`,
    );
  });

  it('refuses total_value metrics in a time series call', async () => {
    const error = await refusal({ metric: 'reach,views,likes', period: 'day' });
    expect(error.message).toBe(
      '(#100) The following metrics (views, likes) should be specified with parameter metric_type=total_value',
    );
  });

  it('refuses follower_count as a total_value and reach with a lifetime period', async () => {
    const total = await refusal({
      metric: 'follower_count',
      period: 'day',
      metric_type: 'total_value',
    });
    expect(total.code).toBe(100);
    const lifetime = await refusal({ metric: 'reach', period: 'lifetime' });
    expect(lifetime.code).toBe(100);
  });
});
