import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFakeGraphApi, type FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import { mediaInWindow } from '../../../bench/sync/account-floor.js';
import { callFloor, storedAfterRun } from '../../../bench/sync/call-floor.js';
import { latencyFloorMs } from '../../../bench/sync/latency-floor.js';

/** Mid-July: no daylight-saving change in the 60 Pacific days before. */
const NOW = new Date('2025-07-15T12:00:00Z');
const FIRST_DAY = '2025-05-16';
const WINDOW_START = new Date('2025-05-16T00:00:00Z');

let fake: FakeGraphApi;

beforeAll(async () => {
  fake = await createFakeGraphApi({ accounts: 2, media: 30, comments: 8, seed: 5, now: () => NOW });
});

afterAll(() => fake.close());

const floorOf = (stored = undefined as ReturnType<typeof storedAfterRun> | undefined) =>
  callFloor({
    accounts: fake.data.accounts,
    windowStart: WINDOW_START,
    firstDay: FIRST_DAY,
    now: NOW,
    stored,
  });

describe('the call floor', () => {
  it('reads each of 60 insight days once and their time series in two 30-day windows', () => {
    const floor = floorOf();
    expect(floor.accounts.map((a) => a.accountInsights)).toEqual([62, 62]);
  });

  it('costs a re-sync with nothing changed one call per account and the trailing days', () => {
    const stored = storedAfterRun(fake.data.accounts, NOW, FIRST_DAY);
    const floor = floorOf(stored);
    // Profile with the one media page, 3 trailing days, one series window.
    expect(floor.accounts.map((a) => a.calls)).toEqual([5, 5]);
    expect(floor.byEndpoint.comments + floor.byEndpoint.replies).toBe(0);
  });

  it('continues a changed thread longer than the nested page 50 comments a call', () => {
    const stored = storedAfterRun(fake.data.accounts, NOW, FIRST_DAY);
    const account = fake.data.accounts[1]!;
    const [media] = mediaInWindow(account, WINDOW_START).sort(
      (a, b) => a.comments.length - b.comments.length,
    );
    fake.mutate.addComments(media!.id, 50 + 51 - media!.comments.length);
    const floor = floorOf(stored);
    expect(floor.nestedComments).toBe(50);
    expect(floor.accounts[1]!.comments).toBe(2);
    expect(floor.accounts[0]!.comments).toBe(0);
  });

  it('runs the accounts of a step in waves of workers × account steps', () => {
    const floor = floorOf();
    const one = latencyFloorMs(floor, { workers: 1, accountSteps: 1, callsPerAccount: 4 }, 10);
    const both = latencyFloorMs(floor, { workers: 1, accountSteps: 2, callsPerAccount: 4 }, 10);
    expect(one).toBe(2 * both);
  });
});
