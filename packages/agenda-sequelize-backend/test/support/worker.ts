/**
 * A worker process for the multi-process Agenda tests (spawned by agenda-workers.test.ts
 * through ts-register.mjs). It runs `count-once` jobs from the shared jobs table, records each
 * start and finish in `agenda_test_runs`, and talks to its parent over IPC. Settings come from
 * the environment.
 */
import { Agenda, type Job } from 'agenda';
import { QueryTypes } from 'sequelize';
import { SequelizeBackend } from '@instagram-sync/agenda-sequelize-backend';
import { createRedisNotificationChannel } from '@instagram-sync/agenda-sequelize-backend/redis';
import { openDatabase } from './open-database.js';

/** What a worker tells its parent. */
export type WorkerMessage =
  { type: 'ready' } | { type: 'blocked'; jobId: string } | { type: 'ran'; jobId: string };

/** Data of a `count-once` job. */
export interface CountOnceData {
  /** Milliseconds the job takes. */
  ms?: number;
  /** On its first start the job hangs (and reports `blocked`) so the parent can kill the worker. */
  block?: boolean;
}

const env = process.env;
const workerName = env.WORKER_NAME ?? `worker-${process.pid}`;
const send = (message: WorkerMessage) => process.send?.(message);

const sequelize = await openDatabase(env.DATABASE_URL ?? '', { poolMax: 4 });
const backend = new SequelizeBackend({ sequelize });
const agenda = new Agenda({
  backend,
  name: workerName,
  processEvery: Number(env.PROCESS_EVERY_MS ?? 100),
  defaultLockLifetime: Number(env.LOCK_LIFETIME_MS ?? 3000),
  lockLimit: Number(env.LOCK_LIMIT ?? 0),
  defaultConcurrency: Number(env.CONCURRENCY ?? 5),
  notificationChannel: env.REDIS_URL
    ? createRedisNotificationChannel(env.REDIS_URL, env.REDIS_CHANNEL)
    : undefined,
});

async function record(jobId: string, phase: 'start' | 'finish'): Promise<void> {
  await sequelize.query('INSERT INTO agenda_test_runs (job_id, worker, phase) VALUES (?, ?, ?)', {
    replacements: [jobId, workerName, phase],
  });
}

async function startsOf(jobId: string): Promise<number> {
  const [row] = await sequelize.query<{ n: number | string }>(
    "SELECT COUNT(*) AS n FROM agenda_test_runs WHERE job_id = ? AND phase = 'start'",
    { replacements: [jobId], type: QueryTypes.SELECT },
  );
  return Number(row?.n ?? 0);
}

agenda.define('count-once', async (job: Job<CountOnceData>) => {
  const jobId = String(job.attrs._id);
  await record(jobId, 'start');
  if (job.attrs.data.block && (await startsOf(jobId)) === 1) {
    send({ type: 'blocked', jobId });
    await new Promise(() => {}); // the parent SIGKILLs this process now
  }
  await new Promise((resolve) => setTimeout(resolve, job.attrs.data.ms ?? 0));
  await record(jobId, 'finish');
  send({ type: 'ran', jobId });
});

// "ready" means the first scan is over, so a job saved after it can only be found by the
// next poll or by a notification (what the notification test needs to tell apart).
let markScanned: () => void = () => {};
const scanned = new Promise<void>((resolve) => (markScanned = resolve));
const getNextJobToRun = backend.repository.getNextJobToRun.bind(backend.repository);
backend.repository.getNextJobToRun = async (...args) => {
  try {
    return await getNextJobToRun(...args);
  } finally {
    markScanned();
  }
};

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  void (async () => {
    await agenda.stop();
    await sequelize.close();
    process.exit(0); // Agenda's watchdog timers would keep the process alive for a while
  })();
});

await agenda.start();
await scanned;
send({ type: 'ready' });
