/**
 * The parts one sync bench scenario runs on: the fake Graph API in this process (fixed seed,
 * a latency per call), a fresh database, and the service in its own processes with every
 * fake account connected over GraphQL.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFakeGraphApi,
  type FakeGraphApi,
  type FakeGraphApiOptions,
} from '@instagram-sync/fake-instagram-graph-api';
import { settings } from '../../src/config/config.schema.js';
import { freshDatabase, type BenchDatabase, type BenchEngine } from './bench-database.js';
import type { Concurrency } from './latency-floor.js';
import { connectAccounts, serviceTimezone } from './service-client.js';
import { startServiceProcesses, type ServiceProcesses } from './service-processes.js';

export const BENCH_SEED = 42;

/** What the latency floor assumes: the service's SYNC_ACCOUNT_CONCURRENCY, as it reads it. */
const ACCOUNT_STEPS_PER_WORKER = settings.SYNC_ACCOUNT_CONCURRENCY.schema.parse(
  process.env.SYNC_ACCOUNT_CONCURRENCY,
);
const CALLS_PER_ACCOUNT = 4;

/** No scheduled run may start during a measurement: the crons point at 1 January. */
const QUIET_SCHEDULE = {
  SYNC_CRON: '0 3 1 1 *',
  SYNC_DEEP_CRON: '0 4 1 1 *',
  TOKEN_REFRESH_CRON: '0 5 1 1 *',
};

/** The service processes' logs, kept after the bench (one folder per bench invocation). */
export const LOG_DIR = join(tmpdir(), `igsync-bench-logs-${process.pid}`);
let scenarioCount = 0;

export interface BenchServiceOptions {
  engine: BenchEngine;
  fake: FakeGraphApiOptions;
  /** 0: one ROLE=all process; otherwise ROLE=api plus this many ROLE=worker processes. */
  workers: number;
}

export interface BenchService {
  fake: FakeGraphApi;
  db: BenchDatabase;
  service: ServiceProcesses;
  timezone: string;
  concurrency: Concurrency;
  /** e.g. "api + 2 workers". */
  processes: string;
  close(): Promise<void>;
}

/**
 * The fake makes a media's comments the first time they are read; a real API's data exists
 * before anyone asks. Made here, before any run's clock starts, so that what a run measures
 * holds no data generation on the two cores the service shares with the fake (a first sync
 * generated 300,000 comments: a third of the fake's CPU while pages were read).
 */
function generateEveryComment(fake: FakeGraphApi): void {
  for (const account of fake.data.accounts) {
    for (const media of account.media) void media.comments;
  }
}

export async function openBenchService(options: BenchServiceOptions): Promise<BenchService> {
  const fake = await createFakeGraphApi({ seed: BENCH_SEED, ...options.fake });
  generateEveryComment(fake);
  const db = await freshDatabase(options.engine);
  const logDir = join(LOG_DIR, `${++scenarioCount}-${options.engine}`);
  mkdirSync(logDir, { recursive: true });
  const service = await startServiceProcesses({
    workers: options.workers,
    logDir,
    env: {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      DATA_DIR: db.dir,
      IG_GRAPH_API_URL: fake.url,
      IG_INSTAGRAM_API_URL: fake.instagramUrl,
      ...QUIET_SCHEDULE,
    },
  });
  let timezone: string;
  try {
    await connectAccounts(service.url, fake.data.accounts);
    timezone = await serviceTimezone(service.url);
  } catch (error) {
    await service.stop();
    await fake.close();
    await db.drop();
    throw error;
  }
  const w = options.workers;
  return {
    fake,
    db,
    service,
    timezone,
    concurrency: {
      workers: Math.max(1, w),
      accountSteps: ACCOUNT_STEPS_PER_WORKER,
      callsPerAccount: CALLS_PER_ACCOUNT,
    },
    processes: w === 0 ? 'all' : `api + ${w} worker${w > 1 ? 's' : ''}`,
    async close() {
      await service.stop();
      await fake.close();
      await db.drop();
    },
  };
}
