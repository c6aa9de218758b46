import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callFloor, storedAfterRun, type StoredState } from '../../../bench/sync/call-floor.js';
import { tallyCalls } from '../../../bench/sync/graph-calls.js';
import { windowStartDay } from '../../../bench/sync/insight-days.floor.js';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';
import { expectRunCompleted, startSync } from '../../support/run-outcome.js';

/**
 * The regression check of issue 11: a run makes at most 1.1 × the floor of Graph API calls
 * on a first sync and 1.5 × on an immediate re-sync (bench/sync/call-floor.ts, the same
 * floor `npm run bench -- sync` reports). Counts only, never times.
 */
const MONTHS = 12;
const FIRST_SYNC_RATIO = 1.1;
const RESYNC_RATIO = 1.5;

let service: TestService;

beforeAll(async () => {
  service = await startTestService({
    engine: 'sqlite',
    fake: { accounts: 3, media: 60, comments: 30, seed: 11, latencyMs: 0 },
  });
  await service.connectAll();
});

afterAll(() => service.stop());

/** The zone of the service's window and days (SYNC_TIMEZONE), as GraphQL tells it. */
async function serviceTimezone(): Promise<string> {
  const status = await service.gql<{ batchStatus: { timezone: string } }>(
    '{ batchStatus { timezone } }',
  );
  return status.data!.batchStatus.timezone;
}

/** Runs a sync of every account; its calls (the log between its start and its end) and floor. */
async function syncAndCount(stored?: StoredState) {
  const { fake } = service;
  const from = fake.requests.length;
  const now = new Date();
  const executionId = await startSync(service, MONTHS);
  await collectEvents(service.ws(), executionId);
  const run = await expectRunCompleted(service, executionId);
  const calls = tallyCalls(fake.requests.slice(from), fake.data);
  const windowStart = new Date(run.windowStart);
  const firstDay = windowStartDay(windowStart, await serviceTimezone());
  const floor = callFloor({ accounts: fake.data.accounts, windowStart, firstDay, now, stored });
  console.log(
    `${stored ? 're-sync' : 'first sync'}: ${calls.total} calls, floor ${floor.total}`,
    JSON.stringify({ calls: calls.byEndpoint, floor: floor.byEndpoint }),
  );
  return { calls, floor, next: storedAfterRun(fake.data.accounts, now, firstDay) };
}

describe('Graph API calls of a sync run against the floor', () => {
  let stored: StoredState | undefined;

  it(`a first sync of ${MONTHS} months makes at most ${FIRST_SYNC_RATIO} × the floor`, async () => {
    const { calls, floor, next } = await syncAndCount();
    stored = next;
    expect(calls.throttled).toBe(0);
    expect(calls.total).toBeLessThanOrEqual(Math.floor(FIRST_SYNC_RATIO * floor.total));
  });

  it(`an immediate re-sync with nothing changed makes at most ${RESYNC_RATIO} × the floor`, async () => {
    expect(stored).toBeDefined();
    const { calls, floor } = await syncAndCount(stored);
    expect(calls.throttled).toBe(0);
    expect(calls.total).toBeLessThanOrEqual(Math.floor(RESYNC_RATIO * floor.total));
  });
});
