import { afterAll, describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  expectCompletedLog,
  expectRunCompleted,
  startSync,
  STEPS,
} from '../../support/run-outcome.js';
import { collectEvents } from '../../support/service.js';
import { startServiceCluster, type ServiceCluster } from '../../support/service-cluster.js';
import { killMidStep, stepAccounts, type StepAccountRow } from '../../support/step-accounts.js';
import { within } from '../../support/waiting.js';
import { expectStoredAsFake } from '../../support/synced-data.js';

/** Short, so the takeover happens within the test; every process uses the same lifetime. */
const LOCK_LIFETIME_MS = 3000;

describe.each(TEST_ENGINES)('a sync worker process SIGKILLed mid-step on %s', (engine) => {
  let cluster: ServiceCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });

  it("loses nothing: another worker takes its jobs over once their locks expire, and the run completes with exactly the fake's data", async () => {
    // The latency makes each account's insights step last long enough to be caught running.
    cluster = await startServiceCluster({
      engine,
      fake: { accounts: 3, media: 60, comments: 8, seed: 31, latencyMs: 40 },
      app: { lockLifetimeMs: LOCK_LIFETIME_MS, processEveryMs: 200, accountConcurrency: 2 },
    });
    const { db, fake } = cluster;
    const api = await cluster.start('api');
    await api.connectAll();
    const victim = await within(cluster.spawnWorker(), 'the sync worker process to start', 30_000);

    const executionId = await startSync(api);
    const eventsDone = collectEvents(api.ws(), executionId, 0);
    const interrupted = await killMidStep(db.sequelize, executionId, victim, 'insights');
    expect(interrupted.length).toBeGreaterThan(0);

    await cluster.start('worker');
    const events = await within(eventsDone, 'the run to end after the takeover', 45_000);
    expectCompletedLog(events);
    const run = await expectRunCompleted(api, executionId);

    const rows = await stepAccounts(db.sequelize, executionId);
    expect(rows).toHaveLength(STEPS.length * fake.data.accounts.length);
    expect(rows.filter((r) => r.status !== 'completed')).toEqual([]);
    const wasInterrupted = (r: StepAccountRow) =>
      interrupted.some((i) => i.step === r.step && i.user_no === r.user_no);
    // Exactly the interrupted steps ran twice, the second time on the surviving worker.
    for (const row of rows.filter(wasInterrupted)) {
      expect(row).toMatchObject({
        attempts: 2,
        worker: expect.stringContaining(`:${process.pid}:worker-`),
      });
    }
    expect(rows.filter((r) => !wasInterrupted(r) && r.attempts !== 1)).toEqual([]);

    await expectStoredAsFake(api, fake.data.accounts, new Date(run.windowStart));
  }, 120_000);
});
