import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { defineModels } from '../../../src/db/models/define-models.js';
import {
  createRepositories,
  type SyncedDataRepositories,
} from '../../../src/db/repositories/create-repositories.js';
import type { QueryOptions } from '../../../src/db/repositories/query-options.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';

/** Resolves once `parties` callers have arrived: two transactions step in lockstep. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === parties) open();
    await opened;
  };
}

// A deadlock needs row locks taken in opposite orders, which SQLite (one writer) never does.
const engines = TEST_ENGINES.filter((engine) => engine === 'mysql');

describe.each(engines)('two transactions locking rows in opposite orders on %s', (engine) => {
  let db: TestDatabase;
  let repos: SyncedDataRepositories;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    repos = createRepositories(defineModels(db.sequelize));
    await db.sequelize.query(
      `INSERT INTO ig_accounts (user_no, ig_user_id, access_token_ciphertext, status, connected_at, created_at, updated_at)
       VALUES (1, '11', 'x', 'active', NOW(), NOW(), NOW()), (2, '22', 'x', 'active', NOW(), NOW(), NOW())`,
    );
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('both commit: the deadlock victim is rolled back and run again', async () => {
    const bothHoldOneRow = barrier(2);
    let attempts = 0;
    const rename = (first: number, second: number, name: string) =>
      repos.inTransaction(async ({ transaction }: QueryOptions) => {
        attempts++;
        const set = (userNo: number) =>
          db.sequelize.query('UPDATE ig_accounts SET username = ? WHERE user_no = ?', {
            replacements: [name, userNo],
            transaction,
          });
        await set(first);
        if (attempts <= 2) await bothHoldOneRow();
        await set(second);
      });
    await Promise.all([rename(1, 2, 'a'), rename(2, 1, 'b')]);
    expect(attempts).toBe(3);
    const rows = await db.sequelize.query<{ username: string }>(
      'SELECT username FROM ig_accounts ORDER BY user_no',
      { type: QueryTypes.SELECT },
    );
    // Whichever won, each transaction's two writes landed together.
    expect(new Set(rows.map((row) => row.username)).size).toBe(1);
  });
});
