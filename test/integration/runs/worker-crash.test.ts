import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createFakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import { createTestDatabase, TEST_ENGINES } from '../../support/databases.js';
import {
  collectEvents,
  startTestService,
  type ProgressEvent,
  type TestService,
} from '../../support/service.js';
import { eventually, within } from '../../support/waiting.js';
import { expectStoredAsFake } from '../../support/synced-data.js';

const REGISTER = fileURLToPath(new URL('../../support/ts-register.mjs', import.meta.url));
const WORKER = fileURLToPath(new URL('../../support/sync-worker.ts', import.meta.url));
/** Short, so the takeover happens within the test; every process uses the same lifetime. */
const LOCK_LIFETIME_MS = 3000;
const STEPS = ['profile', 'media', 'comments', 'insights'];
const EXECUTION = `query($id: ID!) { batchExecution(id: $id) { status windowStart steps { name status } } }`;

interface StepAccountRow {
  step: string;
  user_no: number;
  status: string;
  attempts: number;
  worker: string;
}

/** A sync worker in its own process (test/support/sync-worker.ts). */
interface WorkerProcess {
  /** What its rows' `worker` column contains (host:pid:role-…). */
  tag: string;
  ready: Promise<void>;
  /** SIGKILL (nothing runs after it: no checkpoint, no hand-over) and wait for the exit. */
  kill(): Promise<void>;
}

function spawnSyncWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', REGISTER, WORKER], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') resolve();
    });
    void exited.then(() => reject(new Error('the sync worker exited before it was ready')));
  });
  ready.catch(() => {});
  return {
    tag: `:${child.pid}:worker-`,
    ready,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

async function stepAccounts(
  sequelize: Sequelize,
  runId: string,
  where = '1 = 1',
): Promise<StepAccountRow[]> {
  return sequelize.query<StepAccountRow>(
    `SELECT step, user_no, status, attempts, worker FROM sync_step_accounts
     WHERE run_id = ? AND ${where} ORDER BY id`,
    { replacements: [Number(runId)], type: QueryTypes.SELECT },
  );
}

/** Waits until `worker` is inside an account's media step, kills it, and returns what it left running. */
async function killMidStep(
  sequelize: Sequelize,
  runId: string,
  worker: WorkerProcess,
): Promise<StepAccountRow[]> {
  const running = `status = 'running' AND worker LIKE '%${worker.tag}%'`;
  await eventually(
    async () => {
      const rows = await stepAccounts(sequelize, runId, `step = 'media' AND ${running}`);
      return rows.length > 0 ? rows : undefined;
    },
    30_000,
    25,
  );
  await worker.kill();
  // A dead worker's rows no longer change: these are the steps it was in the middle of.
  return stepAccounts(sequelize, runId, running);
}

/** Each run and step milestone exactly once, in order, whoever emitted it. */
function milestonesOf(events: ProgressEvent[]): string[] {
  return events
    .filter((e) => e.type !== 'STEP_PROGRESS')
    .map((e) => (e.step ? `${e.type}:${e.step}` : e.type));
}

describe.each(TEST_ENGINES)('a sync worker process SIGKILLed mid-step on %s', (engine) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    // Reverse order: the workers go before the database they use; every cleanup runs.
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => failures.push(e));
    if (failures.length > 0) throw failures[0];
  });

  it("loses nothing: another worker takes its jobs over once their locks expire, and the run completes with exactly the fake's data", async () => {
    const db = await createTestDatabase(engine);
    // The latency makes each account's media step last long enough to be caught running.
    const fake = await createFakeGraphApi({
      accounts: 3,
      media: 60,
      comments: 8,
      seed: 31,
      latencyMs: 40,
    });
    cleanups.push(async () => {
      await fake.close();
      await db.drop();
    });
    const start = async (role: string): Promise<TestService> => {
      const service = await startTestService({
        engine,
        db,
        sharedFake: fake,
        env: { ROLE: role },
        app: { lockLifetimeMs: LOCK_LIFETIME_MS, processEveryMs: 200, accountConcurrency: 2 },
      });
      cleanups.push(() => service.stop());
      return service;
    };
    const api = await start('api');
    await api.connectAll();
    const victim = spawnSyncWorker({
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      IG_GRAPH_API_URL: fake.url,
      LOCK_LIFETIME_MS: String(LOCK_LIFETIME_MS),
    });
    cleanups.push(() => victim.kill());
    await within(victim.ready, 'the sync worker process to start', 30_000);

    const launch = await api.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(months: 3) { executionId } }',
    );
    expect(launch.errors).toBeUndefined();
    const executionId = launch.data!.startInstagramSync.executionId;
    const eventsDone = collectEvents(api.ws(), executionId, 0);
    const interrupted = await killMidStep(db.sequelize, executionId, victim);
    expect(interrupted.length).toBeGreaterThan(0);

    await start('worker');
    const events = await within(eventsDone, 'the run to end after the takeover', 45_000);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(milestonesOf(events)).toEqual([
      'RUN_QUEUED',
      'RUN_STARTED',
      ...STEPS.flatMap((s) => [`STEP_STARTED:${s}`, `STEP_COMPLETED:${s}`]),
      'RUN_COMPLETED',
    ]);
    const run = (
      await api.gql<{
        batchExecution: { status: string; windowStart: string; steps: Array<{ status: string }> };
      }>(EXECUTION, { id: executionId })
    ).data!.batchExecution;
    expect(run.status).toBe('COMPLETED');
    expect(run.steps.map((s) => s.status)).toEqual(STEPS.map(() => 'COMPLETED'));

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
