/**
 * A sync worker in its own process, for tests that SIGKILL one mid-run
 * (test/integration/runs/worker-crash.test.ts spawns it through ts-register.mjs).
 * It is the real service in the worker role (`startApp`), with a short lock lifetime so that
 * another worker takes its jobs over quickly. Settings come from the environment:
 * DATABASE_URL, DATA_DIR (the test database's), IG_GRAPH_API_URL and optionally LOCK_LIFETIME_MS. Once started it writes
 * the line `ready` on stdout; it stops when its parent's IPC channel closes.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';

// The IPC channel closes when the test process goes, however it goes: never outlive it.
process.once('disconnect', () => process.exit(0));

const env = process.env;
const config = loadConfig({
  NODE_ENV: 'test',
  ROLE: 'worker',
  PORT: '0',
  LOG_LEVEL: 'silent',
  IG_MAX_RETRIES: '2',
  DATABASE_URL: env.DATABASE_URL,
  DATA_DIR: env.DATA_DIR,
  IG_GRAPH_API_URL: env.IG_GRAPH_API_URL,
});
await startApp(config, {
  lockLifetimeMs: Number(env.LOCK_LIFETIME_MS ?? 3000),
  processEveryMs: 200,
  accountConcurrency: 2,
  logger: pino({ level: 'silent' }),
  graph: { sleep: async () => {}, random: () => 0 },
});

process.stdout.write('ready\n');
