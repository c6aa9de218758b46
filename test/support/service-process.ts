/**
 * The real service (`startApp`) in its own process, for tests that SIGKILL a worker mid-run or
 * measure an API process's memory alone (`spawnServiceProcess` in worker-process.ts runs it
 * through ts-register.mjs). Settings come from the environment: DATABASE_URL, DATA_DIR (the
 * test database's), IG_GRAPH_API_URL, and optionally ROLE (default worker), LOCK_LIFETIME_MS,
 * REDIS_URL, AUTH_JWT_SECRET, SHUTDOWN_TIMEOUT_MS,
 * SYNC_QUEUE_CAPACITY and SYNC_CONCURRENCY. A short lock lifetime lets another worker take its jobs over
 * quickly. Once started it writes the line `ready <url>` (its API, or a worker's health server)
 * on stdout; it answers the IPC message `memory` with its memory usage after garbage collection
 * (when run with --expose-gc); SIGTERM stops it as `npm start` stops; it exits when its
 * parent's IPC channel closes.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { stopOnSignals } from '../../src/stop-on-signals.js';

// The IPC channel closes when the test process goes, however it goes: never outlive it.
process.once('disconnect', () => process.exit(0));

const env = process.env;
const optional = (name: string) => (env[name] ? { [name]: env[name] } : {});
const config = loadConfig({
  NODE_ENV: 'test',
  ROLE: env.ROLE ?? 'worker',
  PORT: '0',
  LOG_LEVEL: 'silent',
  IG_MAX_RETRIES: '2',
  DATABASE_URL: env.DATABASE_URL,
  DATA_DIR: env.DATA_DIR,
  IG_GRAPH_API_URL: env.IG_GRAPH_API_URL,
  ...optional('REDIS_URL'),
  ...optional('AUTH_JWT_SECRET'),
  ...optional('SYNC_QUEUE_CAPACITY'),
  ...optional('SYNC_CONCURRENCY'),
  ...optional('SHUTDOWN_TIMEOUT_MS'),
});
const app = await startApp(config, {
  lockLifetimeMs: Number(env.LOCK_LIFETIME_MS ?? 3000),
  processEveryMs: 200,
  accountConcurrency: 2,
  logger: pino({ level: 'silent' }),
  graph: { sleep: async () => {}, random: () => 0 },
});

stopOnSignals(app);

process.on('message', (message) => {
  if (message !== 'memory') return;
  // Several passes: one gc() can leave garbage that finalizers released only afterwards.
  for (let i = 0; i < 5; i++) globalThis.gc?.();
  process.send?.({ memory: process.memoryUsage() });
});
process.stdout.write(`ready ${app.url}\n`);
