import { afterEach, describe, expect, it } from '@jest/globals';
import { createMigrator } from '../../../src/db/migrator.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';

/** Migrations that add one nullable column: up adds it, down removes it and keeps the indexes. */
const COLUMN_MIGRATIONS = [
  {
    name: '202612030100-add-step-account-handoff',
    previous: '202612020200-add-step-account-heartbeat',
    table: 'sync_step_accounts',
    column: 'handoff',
  },
  {
    name: '202612030200-add-media-insights-fetched-at',
    previous: '202612030100-add-step-account-handoff',
    table: 'ig_media',
    column: 'insights_fetched_at',
  },
];

describe.each(TEST_ENGINES)('column migrations on %s', (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
  });

  it.each(COLUMN_MIGRATIONS)('$name adds $column, and down removes it', async (m) => {
    db = await createTestDatabase(engine, { migrate: false });
    const migrator = createMigrator(db.sequelize);
    const qi = db.sequelize.getQueryInterface();
    const columns = async () => Object.keys(await qi.describeTable(m.table));
    const indexes = async () =>
      ((await qi.showIndex(m.table)) as { name: string }[]).map((i) => i.name).sort();

    await migrator.up({ to: m.previous });
    const before = await indexes();
    await migrator.up({ to: m.name });
    expect(await columns()).toContain(m.column);

    await migrator.down({ to: m.name });
    expect(await columns()).not.toContain(m.column);
    expect(await indexes()).toEqual(before);
  });
});
