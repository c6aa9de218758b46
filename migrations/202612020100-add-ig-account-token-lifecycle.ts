import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

const COLUMNS = ['login_type', 'data_access_expires_at', 'token_scopes'] as const;

/**
 * What the token lifecycle needs on `ig_accounts`: the login flavour (only Instagram-Login
 * tokens can be refreshed; every account connected so far used Facebook Login), when data
 * access lapses (Facebook Login: 90 days after the user's last activity, separate from the
 * token's own expiry), and the scopes the token was granted (a JSON list; null = not known).
 */
export const addIgAccountTokenLifecycle: Migration = {
  name: '202612020100-add-ig-account-token-lifecycle',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('ig_accounts', 'login_type', {
      type: DataTypes.STRING(16),
      allowNull: false,
      defaultValue: 'FACEBOOK',
    });
    await qi.addColumn('ig_accounts', 'data_access_expires_at', {
      type: DataTypes.DATE(3),
      allowNull: true,
    });
    await qi.addColumn('ig_accounts', 'token_scopes', { type: DataTypes.TEXT, allowNull: true });
  },
  async down({ context: { sequelize } }) {
    // Plain DROP COLUMN (SQLite ≥ 3.35, MariaDB): Sequelize's SQLite removeColumn rebuilds
    // the table and would lose its indexes.
    for (const column of COLUMNS) {
      await sequelize.query(`ALTER TABLE ig_accounts DROP COLUMN ${column}`);
    }
  },
};
