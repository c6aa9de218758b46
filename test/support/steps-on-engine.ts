import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { FakeGraphApiOptions } from '@instagram-sync/fake-instagram-graph-api';
import type { SyncedDataRepositories } from '../../src/db/repositories/create-repositories.js';
import type { SyncStepOptions } from '../../src/sync/steps/index.js';
import type { Engine } from '../../src/db/connection.js';
import { openSyncedDataDb, type SyncedDataDb } from './synced-data.fixtures.js';
import { startHarness, type StepsHarness } from './sync-steps.js';

/** One step-test file's database on `engine`, and a harness per test, closed after it. */
export interface StepsOnEngine {
  /** The file's database (open from `beforeAll` on). */
  readonly db: SyncedDataDb;
  /** Its synced-data repositories. */
  readonly repos: SyncedDataRepositories;
  /** A harness on the file's database, closed after the test. */
  start(
    fakeOptions: FakeGraphApiOptions & { seed: number },
    settings?: { months?: number; steps?: SyncStepOptions },
  ): Promise<StepsHarness>;
}

/** Call inside a `describe`: registers the hooks that open, close and drop. */
export function stepsOnEngine(engine: Engine): StepsOnEngine {
  let db: SyncedDataDb | undefined;
  let current: StepsHarness | undefined;
  beforeAll(async () => {
    db = await openSyncedDataDb(engine);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(async () => {
    await db?.db.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('the database opens in beforeAll');
      return db;
    },
    get repos() {
      return this.db.repos;
    },
    async start(fakeOptions, settings) {
      current = await startHarness(this.repos, fakeOptions, settings);
      return current;
    },
  };
}
