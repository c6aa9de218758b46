import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccountInsightRecord } from '../../../src/db/repositories/ig-account-insight.repository.js';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  BIG_IDS,
  openSyncedDataDb,
  type SyncedDataDb,
} from '../../support/synced-data.fixtures.js';

const FETCHED = new Date('2026-11-05T03:00:00.000Z');

function insight(
  igUserId: string,
  metric: string,
  day: string,
  value: number | null,
  final: boolean,
): AccountInsightRecord {
  return { igUserId, metric, period: 'day', day, value, final, fetchedAt: FETCHED };
}

describe.each(TEST_ENGINES)('insight repositories on %s', (engine) => {
  let ctx: SyncedDataDb;
  beforeAll(async () => {
    ctx = await openSyncedDataDb(engine);
  });
  afterAll(async () => {
    await ctx.db.drop();
  });

  it('keeps "not yet measured" (NULL) apart from a measured 0, and values above 2^31', async () => {
    await ctx.repos.accountInsights.upsertMany([
      insight('a-null', 'reach', '2026-11-01', 0, true),
      insight('a-null', 'reach', '2026-11-02', null, false),
      insight('a-null', 'views', '2026-11-01', 3_000_000_000, true),
    ]);
    const series = await ctx.repos.accountInsights.findSeries({
      igUserId: 'a-null',
      since: '2026-11-01',
      until: '2026-11-30',
    });
    expect(series.map((r) => [r.metric, r.day, r.value, r.final])).toEqual([
      ['reach', '2026-11-01', 0, true],
      ['reach', '2026-11-02', null, false],
      ['views', '2026-11-01', 3_000_000_000, true],
    ]);
  });

  it('reads a series by metrics and inclusive day range, and a re-fetch overwrites in place', async () => {
    const days = ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03'];
    const first = days.flatMap((day, i) => [
      insight('a-series', 'reach', day, i, false),
      insight('a-series', 'likes', day, 10 * i, false),
      insight('a-series', 'shares', day, 1, false),
    ]);
    await ctx.repos.accountInsights.upsertMany(first);
    await ctx.repos.accountInsights.upsertMany(first);
    await ctx.repos.accountInsights.upsertMany([
      insight('a-series', 'reach', '2026-11-02', 42, true),
    ]);

    const series = await ctx.repos.accountInsights.findSeries({
      igUserId: 'a-series',
      metrics: ['reach', 'likes'],
      period: 'day',
      since: '2026-10-31',
      until: '2026-11-02',
    });
    expect(series.map((r) => `${r.metric} ${r.day} ${r.value}`)).toEqual([
      'likes 2026-10-31 10',
      'likes 2026-11-01 20',
      'likes 2026-11-02 30',
      'reach 2026-10-31 1',
      'reach 2026-11-01 2',
      'reach 2026-11-02 42',
    ]);
    const all = await ctx.repos.accountInsights.findSeries({
      igUserId: 'a-series',
      since: '2026-01-01',
      until: '2026-12-31',
    });
    expect(all).toHaveLength(15);
  });

  it('tells which (metric, period, day) of a range are already final', async () => {
    await ctx.repos.accountInsights.upsertMany([
      insight('a-final', 'reach', '2026-11-01', 5, true),
      insight('a-final', 'reach', '2026-11-02', 6, true),
      insight('a-final', 'reach', '2026-11-03', 7, false),
      insight('a-final', 'likes', '2026-11-02', null, false),
      { ...insight('a-final', 'reach', '2026-11-02', 40, true), period: 'week' },
      insight('a-final', 'reach', '2026-10-01', 1, true),
      insight('someone-else', 'reach', '2026-11-02', 1, true),
    ]);
    const final = await ctx.repos.accountInsights.findFinalDays({
      igUserId: 'a-final',
      since: '2026-11-01',
      until: '2026-11-03',
    });
    expect(final).toEqual([
      { metric: 'reach', period: 'day', day: '2026-11-01' },
      { metric: 'reach', period: 'day', day: '2026-11-02' },
      { metric: 'reach', period: 'week', day: '2026-11-02' },
    ]);
    const dayOnly = await ctx.repos.accountInsights.findFinalDays({
      igUserId: 'a-final',
      since: '2026-11-02',
      until: '2026-11-03',
      period: 'day',
      metrics: ['reach'],
    });
    expect(dayOnly.map((k) => k.day)).toEqual(['2026-11-02']);
  });

  it('stores media insights per media and metric, NULL apart from 0, and overwrites on refresh', async () => {
    const [mediaA, mediaB] = BIG_IDS;
    await ctx.repos.mediaInsights.upsertMany([
      { mediaId: mediaA, metric: 'reach', value: 0, fetchedAt: FETCHED },
      { mediaId: mediaA, metric: 'saved', value: null, fetchedAt: FETCHED },
      { mediaId: mediaB, metric: 'reach', value: 7, fetchedAt: FETCHED },
    ]);
    const later = new Date(FETCHED.getTime() + 86_400_000);
    await ctx.repos.mediaInsights.upsertMany([
      { mediaId: mediaB, metric: 'reach', value: 9, fetchedAt: later },
    ]);
    const stored = await ctx.repos.mediaInsights.findByMediaIds([mediaA, mediaB, 'unknown']);
    expect(stored).toEqual([
      { mediaId: mediaA, metric: 'reach', value: 0, fetchedAt: FETCHED },
      { mediaId: mediaA, metric: 'saved', value: null, fetchedAt: FETCHED },
      { mediaId: mediaB, metric: 'reach', value: 9, fetchedAt: later },
    ]);
  });
});
