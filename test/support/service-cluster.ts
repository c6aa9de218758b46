import {
  createFakeGraphApi,
  type FakeGraphApi,
  type FakeGraphApiOptions,
} from '@instagram-sync/fake-instagram-graph-api';
import type { AppOptions } from '../../src/app.js';
import type { Engine } from '../../src/db/connection.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { startTestService, type TestService } from './service.js';
import { spawnSyncWorker, type WorkerProcess } from './service-process.spawn.js';

/** Several service processes (in this process or spawned) on one database and one fake. */
export interface ServiceCluster {
  db: TestDatabase;
  fake: FakeGraphApi;
  /** A service in this process in `role` (api, worker or all), stopped by `stop`. */
  start(role: string): Promise<TestService>;
  /**
   * A worker in its own process with the cluster's lock lifetime (and `env`: settings the
   * service process passes on, see service-process.ts), killed by `stop`; awaited ready.
   */
  spawnWorker(env?: Record<string, string>): Promise<WorkerProcess>;
  /** Stops everything in reverse order of start; every part is stopped even if one fails. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  engine: Engine;
  fake: FakeGraphApiOptions;
  /** Environment of every service (REDIS_URL, …); ROLE is set by `start`. */
  env?: Record<string, string>;
  app?: AppOptions;
}

export async function startServiceCluster(options: ClusterOptions): Promise<ServiceCluster> {
  const db = await createTestDatabase(options.engine);
  const fake = await createFakeGraphApi(options.fake);
  const stops: Array<() => Promise<void>> = [
    async () => {
      await fake.close();
      await db.drop();
    },
  ];
  const lockLifetimeMs = options.app?.lockLifetimeMs;
  return {
    db,
    fake,
    async start(role) {
      const service = await startTestService({
        engine: options.engine,
        db,
        sharedFake: fake,
        env: { ...options.env, ROLE: role },
        app: options.app,
      });
      stops.push(() => service.stop());
      return service;
    },
    async spawnWorker(env = {}) {
      const worker = spawnSyncWorker({
        ...env,
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        IG_GRAPH_API_URL: fake.url,
        ...(lockLifetimeMs ? { LOCK_LIFETIME_MS: String(lockLifetimeMs) } : {}),
        ...(options.env?.REDIS_URL ? { REDIS_URL: options.env.REDIS_URL } : {}),
      });
      stops.push(() => worker.kill());
      await worker.ready;
      return worker;
    },
    async stop() {
      const failures: unknown[] = [];
      for (const stop of stops.reverse()) await stop().catch((e: unknown) => failures.push(e));
      if (failures.length > 0) throw failures[0];
    },
  };
}
