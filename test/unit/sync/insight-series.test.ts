import { describe, expect, it } from '@jest/globals';
import type { DayPlan } from '../../../src/sync/steps/insight-day-plan.js';
import { addDays, daysFrom, spanOf } from '../../../src/sync/steps/insight-days.js';
import { seriesCalls } from '../../../src/sync/steps/insight-series.js';

/** A plan over the `count` days before `today` that needs what `needs` says (default: all). */
function planOf(today: string, count: number, needs: DayPlan['needs'] = () => true): DayPlan {
  return {
    days: daysFrom(addDays(today, -count), addDays(today, -1)),
    today,
    igUserId: '17841400000000001',
    fetchedAt: new Date(`${today}T12:00:00Z`),
    needs,
    isFinal: () => false,
    refused: new Set(),
  };
}

const HOUR_MS = 3_600_000;
const hoursOf = (days: string[]) => {
  const { since, until } = spanOf(days[0]!, days.at(-1)!);
  return (until.getTime() - since.getTime()) / HOUR_MS;
};
const withMetric = (calls: ReturnType<typeof seriesCalls>, metric: string) =>
  calls.filter((call) => call.metrics.includes(metric));

describe('time-series insight calls', () => {
  it('backfills 12 months in ⌈days/30⌉ calls, follower_count riding in the newest window', () => {
    const plan = planOf('2026-07-20', 365);

    const calls = seriesCalls(plan);

    expect(calls).toHaveLength(Math.ceil(365 / 30));
    expect(calls.flatMap((call) => call.days)).toEqual(plan.days);
    expect(calls.every((call) => call.days.length <= 30 && hoursOf(call.days) <= 30 * 24)).toBe(
      true,
    );
    expect(withMetric(calls, 'follower_count')).toEqual([
      {
        metrics: ['reach', 'follower_count'],
        days: daysFrom('2026-06-20', '2026-07-19'),
      },
    ]);
    expect(calls.at(-1)?.days).toHaveLength(30);
  });

  it('asks the one follower_count day a November-shortened newest window lacks on its own', () => {
    // The newest window holds 29 days (2026-10-22 to 11-19: the change of 1 November lasts 25 h).
    const calls = seriesCalls(planOf('2026-11-20', 90));

    expect(calls.at(-2)).toEqual({
      metrics: ['reach', 'follower_count'],
      days: daysFrom('2026-10-22', '2026-11-19'),
    });
    expect(calls.at(-1)).toEqual({ metrics: ['follower_count'], days: ['2026-10-21'] });
    expect(withMetric(calls, 'reach').flatMap((call) => call.days)).toHaveLength(90);
  });

  it('asks the trailing days of a nightly run in one call for both metrics', () => {
    const today = '2026-07-20';
    const calls = seriesCalls(planOf(today, 30, (_metric, day) => day >= addDays(today, -3)));

    expect(calls).toEqual([
      { metrics: ['reach', 'follower_count'], days: daysFrom('2026-07-17', '2026-07-19') },
    ]);
  });

  it('never asks follower_count beside reach days older than its last 30 days', () => {
    const today = '2026-07-20';
    const oldReachOnly: DayPlan['needs'] = (metric, day) =>
      metric === 'reach' ? day < addDays(today, -40) : true;

    const calls = seriesCalls(planOf(today, 60, oldReachOnly));

    expect(withMetric(calls, 'reach').every((call) => call.metrics.length === 1)).toBe(true);
    expect(withMetric(calls, 'follower_count')).toEqual([
      { metrics: ['follower_count'], days: daysFrom('2026-06-20', '2026-07-19') },
    ]);
  });
});
