import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Transaction } from 'sequelize';
import { migrations } from '../../../migrations/index.js';
import { openDatabase, writeTransaction } from '../../../src/db/connection.js';
import { isFullyMigrated, migrateUp } from '../../../src/db/migrator.js';
import { createTestDatabase, TEST_ENGINES } from '../../support/databases.js';
import { eventually } from '../../support/waiting.js';

describe.each(TEST_ENGINES)('database on %s', (engine) => {
  it('applies every migration and then reports itself ready', async () => {
    const db = await createTestDatabase(engine, { migrate: false });
    try {
      await migrateUp(db.sequelize);
      expect(await isFullyMigrated(db.sequelize)).toBe(true);
      const [rows] = await db.sequelize.query('SELECT name FROM schema_migrations ORDER BY name');
      expect((rows as { name: string }[]).map((row) => row.name)).toEqual(
        migrations.map((migration) => migration.name),
      );
    } finally {
      await db.drop();
    }
  });
});

describe('a SQLite file', () => {
  it('runs in WAL mode with a busy timeout, inside transactions too: a reader never waits for a writer', async () => {
    const db = await createTestDatabase('sqlite');
    const reader = await openDatabase(db.url);
    try {
      const pragma = async (name: string, options: { transaction?: Transaction } = {}) =>
        Object.values(
          (await db.sequelize.query(`PRAGMA ${name}`, { plain: true, ...options })) ?? {},
        )[0];
      expect(await pragma('journal_mode')).toBe('wal');
      await db.sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, async (transaction) => {
        expect(await pragma('busy_timeout', { transaction })).toBe(15_000);
        expect(await pragma('synchronous', { transaction })).toBe(1);
        await db.sequelize.query(
          "INSERT INTO schema_migrations (name) VALUES ('written-in-an-open-transaction')",
          { transaction },
        );
        // The write lock is held: in rollback-journal mode this read would wait for it.
        const [rows] = await reader.query('SELECT COUNT(*) AS n FROM schema_migrations');
        expect((rows as Array<{ n: number }>)[0]!.n).toBe(migrations.length);
      });
    } finally {
      await reader.close();
      await db.drop();
    }
  });

  it('a transaction whose COMMIT failed leaves nothing open for the transactions after it', async () => {
    const db = await createTestDatabase('sqlite');
    const reader = await openDatabase(db.url);
    const { sequelize } = db;
    try {
      await sequelize.query('CREATE TABLE parents (id INTEGER PRIMARY KEY)');
      await sequelize.query(
        'CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)',
      );
      // SQLite checks a deferred foreign key at COMMIT, and a COMMIT refused that way leaves
      // its transaction open on the connection.
      await expect(
        writeTransaction(sequelize, (transaction) =>
          sequelize.query('INSERT INTO children VALUES (1, 99)', { transaction }),
        ),
      ).rejects.toThrow(/FOREIGN KEY constraint failed/);
      for (const id of [2, 3, 4]) {
        await writeTransaction(sequelize, async (transaction) => {
          await sequelize.query(`INSERT INTO parents VALUES (${id})`, { transaction });
          await sequelize.query(`INSERT INTO children VALUES (${id}, ${id})`, { transaction });
        });
      }
      const [rows] = await reader.query('SELECT id FROM children ORDER BY id');
      expect(rows).toEqual([{ id: 2 }, { id: 3 }, { id: 4 }]);
    } finally {
      await reader.close();
      await db.drop();
    }
  });

  it("closed right after a transaction, closes that transaction's connection too", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sqlite-close-'));
    const file = join(dir, 'sync.sqlite');
    try {
      const sequelize = await openDatabase(`sqlite:${file}`);
      await sequelize.query('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
      await writeTransaction(sequelize, async (transaction) => {
        await sequelize.query('INSERT INTO notes VALUES (1)', { transaction });
        // Runs once COMMIT succeeded and the connection was handed back.
        transaction.afterCommit(() => sequelize.close());
      });
      // The last connection to close checkpoints the WAL and removes it; one left open keeps it.
      await eventually(async () => (existsSync(`${file}-wal`) ? undefined : true), 3_000, 50);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
