import { afterEach, describe, expect, it } from '@jest/globals';
import type { Sequelize } from 'sequelize';
import { createMigrator } from '../../../src/db/migrator.js';
import { defineModels } from '../../../src/db/models/define-models.js';
import { createRepositories } from '../../../src/db/repositories/create-repositories.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';
import { KOREAN_EMOJI, mediaFixture } from '../../support/synced-data.fixtures.js';

const SYNCED_DATA_TABLES = [
  'ig_account_insights',
  'ig_accounts',
  'ig_comments',
  'ig_media',
  'ig_media_insights',
  'ig_profile_snapshots',
  'ig_profiles',
];

async function syncedDataTables(sequelize: Sequelize): Promise<string[]> {
  const tables = (await sequelize.getQueryInterface().showAllTables()) as unknown[];
  return tables
    .map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName))
    .filter((name) => SYNCED_DATA_TABLES.includes(name))
    .sort();
}

describe.each(TEST_ENGINES)('synced-data migrations on %s', (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
  });

  it('migrate up, down to zero and up again, and then store emoji text', async () => {
    db = await createTestDatabase(engine, { migrate: false });
    if (engine === 'mysql') {
      // Production databases are not always created utf8mb4: the tables must insist on it.
      const name = new URL(db.url).pathname.slice(1);
      await db.sequelize.query(
        `ALTER DATABASE \`${name}\` CHARACTER SET latin1 COLLATE latin1_swedish_ci`,
      );
    }
    const migrator = createMigrator(db.sequelize);

    await migrator.up();
    expect(await syncedDataTables(db.sequelize)).toEqual(SYNCED_DATA_TABLES);
    await migrator.down({ to: 0 });
    expect(await syncedDataTables(db.sequelize)).toEqual([]);
    expect(await migrator.executed()).toEqual([]);
    await migrator.up();
    expect(await syncedDataTables(db.sequelize)).toEqual(SYNCED_DATA_TABLES);

    const repos = createRepositories(defineModels(db.sequelize));
    const now = new Date('2026-11-01T00:00:00.000Z');
    await repos.media.upsertMany([mediaFixture('1', 'u', now, { caption: KOREAN_EMOJI })], now);
    const [stored] = await repos.media.findByIds(['1']);
    expect(stored?.caption).toBe(KOREAN_EMOJI);
  });
});
