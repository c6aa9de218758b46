import { Umzug, SequelizeStorage } from 'umzug';
import type { Sequelize } from 'sequelize';
import { migrations } from '../../migrations/index.js';
import type { MigrationContext } from '../../migrations/migration.js';

/** The one migrator, used by start-up, `npm run migrate` and test set-up alike. */
export function createMigrator(sequelize: Sequelize, logger?: { info(msg: string): void }) {
  return new Umzug<MigrationContext>({
    migrations: migrations.map((m) => ({ name: m.name, up: m.up, down: m.down })),
    context: { queryInterface: sequelize.getQueryInterface(), sequelize },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: logger
      ? {
          info: (e) => logger.info(`migration ${JSON.stringify(e)}`),
          warn: () => {},
          error: () => {},
          debug: () => {},
        }
      : undefined,
  });
}

/** Applies every pending migration; returns the names applied. */
export async function migrateUp(sequelize: Sequelize): Promise<string[]> {
  const applied = await createMigrator(sequelize).up();
  return applied.map((m) => m.name);
}

/** True when every known migration has been applied (used by /readyz). */
export async function isFullyMigrated(sequelize: Sequelize): Promise<boolean> {
  const pending = await createMigrator(sequelize).pending();
  return pending.length === 0;
}
