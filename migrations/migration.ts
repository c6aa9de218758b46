import type { QueryInterface, Sequelize } from 'sequelize';
import type { MigrationFn } from 'umzug';

/** What every migration receives from the migrator. */
export interface MigrationContext {
  queryInterface: QueryInterface;
  sequelize: Sequelize;
}

/**
 * One schema change: timestamped name, never edited once landed, with a working `down`. It
 * lives beside the migrations so that they import nothing from the service they outlive.
 */
export interface Migration {
  name: string;
  up: MigrationFn<MigrationContext>;
  down: MigrationFn<MigrationContext>;
}
