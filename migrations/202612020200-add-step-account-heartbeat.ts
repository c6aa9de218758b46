import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

/**
 * When the owner of a running account step last said it was alive. A claim takes a row that
 * is `pending`, or `running` with a heartbeat older than a lock lifetime (its owner went
 * silent); NULL on rows written before this column, which count as stale.
 */
export const addStepAccountHeartbeat: Migration = {
  name: '202612020200-add-step-account-heartbeat',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('sync_step_accounts', 'heartbeat_at', {
      type: DataTypes.DATE(3),
      allowNull: true,
    });
  },
  async down({ context: { sequelize } }) {
    // Plain DROP COLUMN (SQLite ≥ 3.35, MariaDB): Sequelize's SQLite removeColumn rebuilds
    // the table and would lose its unique key.
    await sequelize.query('ALTER TABLE sync_step_accounts DROP COLUMN heartbeat_at');
  },
};
