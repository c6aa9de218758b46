/**
 * One service process of the sync bench (spawned by service-processes.ts from the compiled
 * `dist/bench`): `startApp` with its settings from the environment the bench prepared
 * (ROLE, DATABASE_URL, DATA_DIR, IG_GRAPH_API_URL, …) and the production defaults otherwise;
 * logs go to BENCH_LOG_FILE. It reports `{ ready: url | null }` over IPC once started, stops
 * on the message `stop`, and never outlives the bench (it exits when the IPC channel closes).
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';

process.once('disconnect', () => process.exit(0));

const config = loadConfig(process.env);
const logger = pino(
  { level: config.logLevel },
  pino.destination({ dest: process.env.BENCH_LOG_FILE ?? '/dev/null', sync: false }),
);
// Without Redis, processes learn of jobs queued elsewhere by polling (default every 2 s): a
// quarter second keeps four step barriers from adding seconds the service would not spend
// with REDIS_URL set.
const app = await startApp(config, { logger, processEveryMs: 250 });

process.on('message', (message) => {
  if (message !== 'stop') return;
  void app.stop().finally(() => process.exit(0));
});
process.send?.({ ready: app.url });
