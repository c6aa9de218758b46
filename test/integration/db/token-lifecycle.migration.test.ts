import { afterEach, describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { createMigrator } from '../../../src/db/migrator.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';

const MIGRATION = '202612020100-add-ig-account-token-lifecycle';
const TOKEN_COLUMNS = ['data_access_expires_at', 'login_type', 'token_scopes'];

describe.each(TEST_ENGINES)('the token-lifecycle migration on %s', (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
  });

  it('gives existing accounts Facebook Login, and down removes its columns but keeps the indexes', async () => {
    db = await createTestDatabase(engine, { migrate: false });
    const { sequelize } = db;
    const migrator = createMigrator(sequelize);
    const qi = sequelize.getQueryInterface();
    const columns = async () => Object.keys(await qi.describeTable('ig_accounts'));
    const indexes = async () =>
      ((await qi.showIndex('ig_accounts')) as { name: string }[]).map((i) => i.name).sort();

    await migrator.up({ to: '202611270300-create-sync-runs' });
    const before = await indexes();
    await sequelize.query(
      "INSERT INTO ig_accounts (user_no, ig_user_id, access_token_ciphertext, status, connected_at, created_at, updated_at) VALUES (1, '178', 'v2:x', 'active', ?, ?, ?)",
      { replacements: [new Date(), new Date(), new Date()] },
    );
    await migrator.up({ to: MIGRATION });
    expect(await columns()).toEqual(expect.arrayContaining(TOKEN_COLUMNS));
    const [row] = await sequelize.query<{ login_type: string }>(
      'SELECT login_type FROM ig_accounts WHERE user_no = 1',
      { type: QueryTypes.SELECT },
    );
    expect(row?.login_type).toBe('FACEBOOK');

    await migrator.down({ to: MIGRATION });
    for (const column of TOKEN_COLUMNS) expect(await columns()).not.toContain(column);
    expect(await indexes()).toEqual(before);
  });
});
