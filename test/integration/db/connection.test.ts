import { describe, expect, it } from '@jest/globals';
import { isFullyMigrated } from '../../../src/db/migrator.js';
import { createTestDatabase, TEST_ENGINES } from '../../support/databases.js';

describe.each(TEST_ENGINES)('database on %s', (engine) => {
  it('applies every migration and then reports itself ready', async () => {
    const db = await createTestDatabase(engine, { migrate: false });
    try {
      const { migrateUp } = await import('../../../src/db/migrator.js');
      await migrateUp(db.sequelize);
      expect(await isFullyMigrated(db.sequelize)).toBe(true);
      const [rows] = await db.sequelize.query('SELECT name FROM schema_migrations');
      expect(Array.isArray(rows)).toBe(true);
    } finally {
      await db.drop();
    }
  });
});
