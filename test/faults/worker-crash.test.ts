import { afterEach, describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from '../support/databases.js';
import {
  expectCompletedLog,
  expectRunCompleted,
  startSync,
  STEPS,
} from '../support/run-outcome.js';
import { collectEvents } from '../support/service.js';
import { startServiceCluster, type ServiceCluster } from '../support/service-cluster.js';
import { killMidStep, stepAccounts, type StepAccountRow } from '../support/step-accounts.js';
import { expectStoredAsFake } from '../support/synced-data.js';
import { within } from '../support/waiting.js';

const LOCK_LIFETIME_MS = 3000;
/**
 * Threads above 50 comments overflow the media pages, so the profile step — which reads the
 * first media page with the profile — goes on reading them, long enough to be caught running.
 */
const FAKE = { accounts: 3, media: 20, comments: 60, seed: 41, latencyMs: 40 };

describe.each(TEST_ENGINES)('crash: a worker SIGKILLed mid-profile-step on %s', (engine) => {
  let cluster: ServiceCluster | undefined;
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
  });

  /** API in this process, accounts connected, one worker process; a run started and watched. */
  async function startRunOnWorkerProcess() {
    cluster = await startServiceCluster({
      engine,
      fake: FAKE,
      app: { lockLifetimeMs: LOCK_LIFETIME_MS, processEveryMs: 200, accountConcurrency: 2 },
    });
    const api = await cluster.start('api');
    await api.connectAll();
    const victim = await within(cluster.spawnWorker(), 'the worker process to start', 30_000);
    const executionId = await startSync(api);
    const eventsDone = collectEvents(api.ws(), executionId, 0);
    const interrupted = await killMidStep(cluster.db.sequelize, executionId, victim, 'profile');
    expect(interrupted.filter((r) => r.step === 'profile').length).toBeGreaterThan(0);
    return { cluster, api, executionId, eventsDone, interrupted };
  }

  /** Every account step completed; exactly the interrupted ones twice, on a worker `tag` names. */
  async function expectResumedBy(
    c: ServiceCluster,
    executionId: string,
    interrupted: StepAccountRow[],
    tag: string,
  ) {
    const rows = await stepAccounts(c.db.sequelize, executionId);
    expect(rows).toHaveLength(STEPS.length * FAKE.accounts);
    expect(rows.filter((r) => r.status !== 'completed')).toEqual([]);
    const wasInterrupted = (r: StepAccountRow) =>
      interrupted.some((i) => i.step === r.step && i.user_no === r.user_no);
    for (const row of rows.filter(wasInterrupted)) {
      expect(row).toMatchObject({ attempts: 2, worker: expect.stringContaining(tag) });
    }
    expect(rows.filter((r) => !wasInterrupted(r) && r.attempts !== 1)).toEqual([]);
  }

  it('another worker completes the run with exactly the fake data', async () => {
    const {
      cluster: c,
      api,
      executionId,
      eventsDone,
      interrupted,
    } = await startRunOnWorkerProcess();
    await c.start('worker');
    expectCompletedLog(await within(eventsDone, 'the run to end after the takeover', 60_000));
    const run = await expectRunCompleted(api, executionId);
    await expectResumedBy(c, executionId, interrupted, `:${process.pid}:worker-`);
    await expectStoredAsFake(api, c.fake.data.accounts, new Date(run.windowStart));
  }, 120_000);

  it('the only worker, started again, resumes the run and completes it with exactly the fake data', async () => {
    const {
      cluster: c,
      api,
      executionId,
      eventsDone,
      interrupted,
    } = await startRunOnWorkerProcess();
    const restarted = await within(c.spawnWorker(), 'the worker process to restart', 30_000);
    expectCompletedLog(await within(eventsDone, 'the run to end after the restart', 60_000));
    const run = await expectRunCompleted(api, executionId);
    await expectResumedBy(c, executionId, interrupted, restarted.tag);
    await expectStoredAsFake(api, c.fake.data.accounts, new Date(run.windowStart));
  }, 120_000);
});
