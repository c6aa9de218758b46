import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

/**
 * What an account step leaves for the account's next step of the same run, as JSON: the
 * profile step, which also read the first media page, hands the media step the cursor to go
 * on from. NULL when a step hands on nothing.
 */
export const addStepAccountHandoff: Migration = {
  name: '202612030100-add-step-account-handoff',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('sync_step_accounts', 'handoff', {
      type: DataTypes.TEXT,
      allowNull: true,
    });
  },
  async down({ context: { sequelize } }) {
    // Plain DROP COLUMN (SQLite ≥ 3.35, MariaDB): Sequelize's SQLite removeColumn rebuilds
    // the table and would lose its unique key.
    await sequelize.query('ALTER TABLE sync_step_accounts DROP COLUMN handoff');
  },
};
