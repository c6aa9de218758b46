import { expect } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import type { FakeAccount } from '@instagram-sync/fake-instagram-graph-api';
import type { TestService } from '../../support/service.js';

interface InsightRow {
  metric: string;
  day: string;
  value: number | string | null;
}

const DAY_MS = 86_400_000;
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Every account insight stored for `account` equals the fake's value for that metric and day,
 * and its daily `reach` has no missing day from the first stored day to the last.
 */
export async function expectInsightsAsFake(
  service: TestService,
  account: FakeAccount,
): Promise<void> {
  const rows = await service.db.sequelize.query<InsightRow>(
    `SELECT metric, day, value FROM ig_account_insights WHERE ig_user_id = ? AND period = 'day' ORDER BY metric, day`,
    { replacements: [account.igUserId], type: QueryTypes.SELECT },
  );
  const stored = rows.map((r) => {
    const day = String(r.day).slice(0, 10);
    return { metric: r.metric, day, value: r.value === null ? null : Number(r.value) };
  });
  const truth = stored.map(({ metric, day }) => ({
    metric,
    day,
    value: service.fake.data.accountInsight(account.igUserId, metric, 'day', day),
  }));
  expect(stored).toEqual(truth);
  const reachDays = stored.filter((r) => r.metric === 'reach').map((r) => r.day);
  expect(reachDays.length).toBeGreaterThan(27);
  for (let i = 1; i < reachDays.length; i++) expect(reachDays[i]).toBe(nextDay(reachDays[i - 1]!));
}
