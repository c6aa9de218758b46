import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  commentFixture,
  openSyncedDataDb,
  secondsFrom,
  type SyncedDataDb,
} from '../../support/synced-data.fixtures.js';

const T0 = new Date('2026-11-01T00:00:00.000Z');

if (TEST_ENGINES.includes('mysql')) {
  describe('concurrent writes on MariaDB', () => {
    let db: SyncedDataDb;
    beforeAll(async () => {
      db = await openSyncedDataDb('mysql');
    });
    afterAll(async () => {
      await db.db.drop();
    });

    it('stores another media’s comments while a thread’s unseen comments are being marked deleted', async () => {
      const { repos } = db;
      await repos.comments.upsertMany([commentFixture('c-1', 'm-1', T0)], T0);
      await repos.comments.upsertMany([commentFixture('c-3', 'm-3', T0)], T0);
      await repos.inTransaction(async (tx) => {
        // A range UPDATE over media m-1's comments, its transaction still open: under
        // REPEATABLE READ its gap locks would hold up the insert below until they time out.
        await repos.comments.markUnseenAsDeleted(
          { mediaIds: ['m-1'], seenAt: secondsFrom(T0, 60) },
          tx,
        );
        expect(await repos.comments.upsertMany([commentFixture('c-2', 'm-2', T0)], T0)).toBe(1);
      });
      const stored = await repos.comments.findTopLevelPage('m-2', { first: 10 });
      expect(stored.items.map((c) => c.id)).toEqual(['c-2']);
    });
  });
}
