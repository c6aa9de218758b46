import { describe, expect, it } from '@jest/globals';
import { migrations } from '../../../migrations/index.js';
import { isFullyMigrated, migrateUp } from '../../../src/db/migrator.js';
import { createTestDatabase, TEST_ENGINES } from '../../support/databases.js';

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
