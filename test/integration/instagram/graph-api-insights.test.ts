import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import { GraphApiError } from '../../../src/instagram/index.js';
import {
  accountOf,
  clientFor,
  collect,
  FakeClock,
  startFake,
  type TestClient,
} from '../../support/graph-client.js';

const DAY = 86_400_000;
const METRICS = ['reach', 'likes', 'comments', 'saved', 'shares'];

describe('Graph API client insights and token checks', () => {
  const clock = new FakeClock();
  let api: FakeGraphApi;
  let t: TestClient;

  beforeAll(async () => {
    // Account 3 became a business account 600 days ago: its older media have no insights.
    api = await startFake(clock, { accounts: 4, media: 40, comments: 1 });
    t = clientFor(api, clock);
  });
  afterAll(async () => {
    t.client.close();
    await api.close();
  });

  /** Day buckets end at 07:00 UTC. */
  const bucketStart = (daysAgo: number) => {
    const now = clock.now();
    return new Date(Math.floor((now - 7 * 3_600_000) / DAY) * DAY + 7 * 3_600_000 - daysAgo * DAY);
  };

  it('reads a daily reach series for a 30-day window', async () => {
    const account = accountOf(api, 0);
    const [reach] = await t.client.getAccountInsights(account, {
      metrics: ['reach'],
      period: 'day',
      since: bucketStart(30),
      until: bucketStart(0),
    });
    expect(reach?.name).toBe('reach');
    expect(reach?.values?.length).toBeGreaterThan(25);
    const last = reach!.values!.at(-1)!;
    const day = new Date(Date.parse(last.end_time!.replace('+0000', 'Z')) - DAY)
      .toISOString()
      .slice(0, 10);
    expect(last.value).toBe(api.data.accountInsight(account.igUserId, 'reach', 'day', day));
  });

  it('refuses an insights window over 30 days without calling Instagram', async () => {
    const before = api.requests.length;
    const call = t.client.getAccountInsights(accountOf(api, 0), {
      metrics: ['reach'],
      period: 'day',
      since: bucketStart(31),
      until: bucketStart(0),
    });
    await expect(call).rejects.toThrow(/exceeds Instagram's 30-day limit/);
    await expect(call).rejects.toMatchObject({ kind: 'permanent' });
    expect(api.requests.length).toBe(before);
  });

  it('reads a media’s lifetime insights, and marks pre-conversion media as skippable', async () => {
    const account = accountOf(api, 3);
    const media = api.data.account(account.igUserId).media;
    const fresh = media.find((m) => !m.preConversion && m.media_product_type === 'FEED')!;
    const insights = await t.client.getMediaInsights(account, fresh.id, METRICS);
    expect(Object.fromEntries(insights.map((i) => [i.name, i.values?.[0]?.value]))).toEqual(
      Object.fromEntries(METRICS.map((m) => [m, fresh.insights[m]])),
    );
    const old = media.find((m) => m.preConversion)!;
    const failure = t.client.getMediaInsights(account, old.id, METRICS);
    await expect(failure).rejects.toBeInstanceOf(GraphApiError);
    await expect(failure).rejects.toMatchObject({ kind: 'skippable', code: 100, subcode: 2108006 });
  });

  it('marks a deleted media as skippable when reading its comments', async () => {
    const account = accountOf(api, 1);
    const victim = api.data.account(account.igUserId).media[5]!;
    api.mutate.deleteMedia(victim.id);
    await expect(collect(t.client.listComments(account, victim.id))).rejects.toMatchObject({
      kind: 'skippable',
      code: 100,
      subcode: 33,
    });
  });

  it('asks a media page again without nested insights when one media’s insights fail', async () => {
    const account = accountOf(api, 3);
    const truth = api.data.account(account.igUserId).media.filter((m) => !m.deleted);
    const media = (
      await collect(t.client.listMedia(account, { pageSize: 10, withInsights: METRICS }))
    ).flat();
    expect(media.map((m) => m.id)).toEqual(truth.map((m) => m.id));
    const withInsights = media.filter((m) => m.insights);
    expect(withInsights.length).toBeGreaterThan(0);
    expect(media.some((m) => !m.insights && truth.find((x) => x.id === m.id)?.preConversion)).toBe(
      true,
    );
    for (const m of withInsights)
      expect(truth.find((x) => x.id === m.id)?.preConversion).toBe(false);
  });

  it('accepts a token that reads the account and says why it refuses the others', async () => {
    const [a, b] = [accountOf(api, 0), accountOf(api, 1)];
    const username = api.data.account(a.igUserId).profile.username;
    await expect(
      t.client.forConnect(10_000).checkToken(a.igUserId, a.accessToken),
    ).resolves.toEqual({
      ok: true,
      profile: { id: a.igUserId, username },
    });
    await expect(
      t.client.forConnect(10_000).checkToken(b.igUserId, a.accessToken),
    ).resolves.toMatchObject({
      ok: false,
      reason: 'no_access',
    });
    await expect(
      t.client.forConnect(10_000).checkToken(a.igUserId, 'EAAB-not-a-token'),
    ).resolves.toMatchObject({
      ok: false,
      reason: 'invalid_token',
    });
    api.mutate.revokeToken(b.igUserId);
    const revoked = await t.client.forConnect(10_000).checkToken(b.igUserId, b.accessToken);
    expect(revoked).toMatchObject({ ok: false, reason: 'invalid_token' });
    expect(JSON.stringify(revoked)).not.toContain(b.accessToken);
  });
});
