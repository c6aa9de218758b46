import { afterAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TEST_ENGINES } from '../../support/databases.js';
import { expectCompletedLog, expectRunCompleted, startSync } from '../../support/run-outcome.js';
import { collectEvents, PROGRESS_FIELDS } from '../../support/service.js';
import { startServiceCluster, type ServiceCluster } from '../../support/service-cluster.js';
import { spawnServiceProcess } from '../../support/service-process.spawn.js';
import { stepAccounts } from '../../support/step-accounts.js';
import { expectStoredAsFake } from '../../support/synced-data.js';
import { eventually, within } from '../../support/waiting.js';

/**
 * Agenda's default lock lifetime: far longer than the test waits for the hand-over, so the
 * second worker can only finish the run if the stopping one released its locks.
 */
const LOCK_LIFETIME_MS = 120_000;
/** From the second worker's start to the run's end: a fraction of the lock lifetime. */
const TAKEOVER_DEADLINE_MS = 45_000;
const SHUTDOWN_TIMEOUT_MS = 5000;
/** The exit may take the shutdown timeout; beyond it (and process teardown) it did not drain. */
const EXIT_DEADLINE_MS = SHUTDOWN_TIMEOUT_MS + 10_000;

describe.each(TEST_ENGINES)('SIGTERM on %s', (engine) => {
  let cluster: ServiceCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });

  it('a worker mid-run exits 0, handing its account steps back unlocked, and another worker completes the run at once with nothing lost', async () => {
    // The latency makes each account's steps last long enough to be caught running.
    cluster = await startServiceCluster({
      engine,
      fake: { accounts: 3, media: 20, comments: 4, seed: 41, latencyMs: 40 },
      app: { lockLifetimeMs: LOCK_LIFETIME_MS, processEveryMs: 200, accountConcurrency: 2 },
    });
    const { db, fake } = cluster;
    const api = await cluster.start('api');
    await api.connectAll();
    const victim = await cluster.spawnWorker({ SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });

    const executionId = await startSync(api);
    const eventsDone = collectEvents(api.ws(), executionId, 0);
    const runningOnVictim = `status = 'running' AND worker LIKE '%${victim.tag}%'`;
    await eventually(async () => {
      const rows = await stepAccounts(db.sequelize, executionId, runningOnVictim);
      return rows.length > 0 ? rows : undefined;
    });

    expect(await within(victim.terminate(), 'the worker to exit', EXIT_DEADLINE_MS)).toBe(0);
    // Handed back, not abandoned: a SIGKILLed worker leaves its rows `running`.
    expect(await stepAccounts(db.sequelize, executionId, runningOnVictim)).toEqual([]);

    await cluster.start('worker');
    const events = await within(
      eventsDone,
      'the run to end after the hand-over, without waiting out the locks',
      TAKEOVER_DEADLINE_MS,
    );
    expectCompletedLog(events);
    const run = await expectRunCompleted(api, executionId);
    const rows = await stepAccounts(db.sequelize, executionId);
    expect(rows.filter((r) => r.status !== 'completed')).toEqual([]);
    await expectStoredAsFake(api, fake.data.accounts, new Date(run.windowStart));
  }, 120_000);

  it('an API process closes its GraphQL WebSockets with 1001 (going away) and exits 0', async () => {
    const { db, fake } = cluster!;
    const apiProcess = spawnServiceProcess({
      ROLE: 'api',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      IG_GRAPH_API_URL: fake.url,
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
    try {
      const url = await within(apiProcess.ready, 'the API process to start', 30_000);
      let closeCode: (code: number) => void = () => {};
      const closed = new Promise<number>((resolve) => (closeCode = resolve));
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        on: { closed: (event) => closeCode((event as { code: number }).code) },
      });
      // A live subscription to every run's events, proven live by the event of a new run.
      const firstEvent = new Promise<string>((resolve, reject) => {
        client.subscribe<{ batchProgress: { type: string } }>(
          { query: `subscription { batchProgress { ${PROGRESS_FIELDS} } }` },
          { next: (m) => resolve(m.data!.batchProgress.type), error: reject, complete: () => {} },
        );
      });
      const start = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { startInstagramSync(months: 1) { executionId } }',
        }),
      });
      expect(start.status).toBe(200);
      expect(await within(firstEvent, 'the subscription to deliver')).toBe('RUN_QUEUED');

      const exitCode = within(apiProcess.terminate(), 'the API process to exit', EXIT_DEADLINE_MS);
      expect(await within(closed, 'the WebSocket to close')).toBe(1001);
      expect(await exitCode).toBe(0);
    } finally {
      await apiProcess.kill();
    }
  }, 60_000);
});
