import { afterAll } from '@jest/globals';
import { createFakeGraphApi, type FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import type { Engine } from '../../src/db/connection.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** A database and a one-account fake whose first account-insights call answers `latencyMs` late. */
export interface SlowInsightsWorld {
  db: TestDatabase;
  fake: FakeGraphApi;
  igUserId: string;
  insightsPath: string;
}

/**
 * Call inside a `describe`: `open` builds a world; `onStop` registers more clean-up. All of it
 * runs after the file's tests, the latest first.
 */
export function slowInsightsWorlds(engine: Engine) {
  const stops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });
  return {
    onStop(stop: () => Promise<void>): void {
      stops.push(stop);
    },
    async open(seed: number, latencyMs: number): Promise<SlowInsightsWorld> {
      const db = await createTestDatabase(engine);
      const fake = await createFakeGraphApi({ accounts: 1, media: 4, comments: 1, seed });
      stops.push(async () => {
        await fake.close();
        await db.drop();
      });
      const igUserId = fake.data.accounts[0]!.igUserId;
      const insightsPath = `/${igUserId}/insights`;
      fake.faults.add({ kind: 'latency', ms: latencyMs, match: { path: insightsPath }, times: 1 });
      return { db, fake, igUserId, insightsPath };
    },
  };
}
