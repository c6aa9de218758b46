import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

/** MySQL: 4-byte UTF-8 (emoji) and byte-wise comparison, so ids sort the same as on SQLite. */
const UTF8MB4 = { charset: 'utf8mb4', collate: 'utf8mb4_bin' };

/**
 * Connected Instagram accounts, one per service user (`user_no`). The access token is stored
 * only as the ciphertext the token crypto produced; this table never sees it in clear.
 */
export const createIgAccounts: Migration = {
  name: '202611270100-create-ig-accounts',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable(
      'ig_accounts',
      {
        user_no: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
        ig_user_id: { type: DataTypes.STRING(32), allowNull: false },
        username: { type: DataTypes.STRING(100), allowNull: true },
        access_token_ciphertext: { type: DataTypes.TEXT, allowNull: false },
        token_expires_at: { type: DataTypes.DATE(3), allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'active' },
        connected_at: { type: DataTypes.DATE(3), allowNull: false },
        last_synced_at: { type: DataTypes.DATE(3), allowNull: true },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        updated_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      UTF8MB4,
    );
    await qi.addIndex('ig_accounts', ['status', 'user_no'], { name: 'ig_accounts_status' });
    await qi.addIndex('ig_accounts', ['ig_user_id'], { name: 'ig_accounts_ig_user_id' });
  },
  async down({ context: { queryInterface: qi } }) {
    await qi.dropTable('ig_accounts');
  },
};
