import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

/** MySQL: 4-byte UTF-8 (emoji) and byte-wise comparison, so ids sort the same as on SQLite. */
const UTF8MB4 = { charset: 'utf8mb4', collate: 'utf8mb4_bin' };

/**
 * Account insights per (account, metric, period, day) and lifetime media insights per
 * (media, metric). `value` NULL means "not yet measured" (Instagram answers an empty list for
 * days it has not processed), which is not 0. `final` marks a day older than the trailing
 * window Instagram may still fill in, so later runs need not fetch it again.
 */
export const createIgInsights: Migration = {
  name: '202611270100-create-ig-insights',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable(
      'ig_account_insights',
      {
        ig_user_id: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
        metric: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
        period: { type: DataTypes.STRING(16), primaryKey: true, allowNull: false },
        day: { type: DataTypes.DATEONLY, primaryKey: true, allowNull: false },
        value: { type: DataTypes.BIGINT, allowNull: true },
        final: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        fetched_at: { type: DataTypes.DATE(3), allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        updated_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      UTF8MB4,
    );
    await qi.createTable(
      'ig_media_insights',
      {
        media_id: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
        metric: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
        value: { type: DataTypes.BIGINT, allowNull: true },
        fetched_at: { type: DataTypes.DATE(3), allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        updated_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      UTF8MB4,
    );
  },
  async down({ context: { queryInterface: qi } }) {
    await qi.dropTable('ig_media_insights');
    await qi.dropTable('ig_account_insights');
  },
};
