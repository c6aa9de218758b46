import { afterEach, describe, expect, it } from '@jest/globals';
import { createMigrator } from '../../../src/db/migrator.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';

const MIGRATION = '202612020200-add-step-account-heartbeat';

describe.each(TEST_ENGINES)('the step-account heartbeat migration on %s', (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
  });

  it('adds heartbeat_at, and down removes it but keeps the unique key', async () => {
    db = await createTestDatabase(engine, { migrate: false });
    const migrator = createMigrator(db.sequelize);
    const qi = db.sequelize.getQueryInterface();
    const columns = async () => Object.keys(await qi.describeTable('sync_step_accounts'));
    const indexes = async () =>
      ((await qi.showIndex('sync_step_accounts')) as { name: string }[]).map((i) => i.name).sort();

    await migrator.up({ to: '202612020100-add-ig-account-token-lifecycle' });
    const before = await indexes();
    await migrator.up({ to: MIGRATION });
    expect(await columns()).toContain('heartbeat_at');

    await migrator.down({ to: MIGRATION });
    expect(await columns()).not.toContain('heartbeat_at');
    expect(await indexes()).toEqual(before);
    expect(before).toContain('sync_step_accounts_key');
  });
});
