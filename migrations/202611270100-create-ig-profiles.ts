import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

/** MySQL: 4-byte UTF-8 (emoji) and byte-wise comparison, so ids sort the same as on SQLite. */
const UTF8MB4 = { charset: 'utf8mb4', collate: 'utf8mb4_bin' };

/**
 * The latest IG User node of each account (one row per `ig_user_id`), and its daily
 * snapshots: `followers_count` is the only running follower total Instagram gives, so its
 * history exists only if we keep it.
 */
export const createIgProfiles: Migration = {
  name: '202611270100-create-ig-profiles',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable(
      'ig_profiles',
      {
        ig_user_id: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
        ig_id: { type: DataTypes.STRING(32), allowNull: true },
        username: { type: DataTypes.STRING(100), allowNull: true },
        name: { type: DataTypes.STRING(255), allowNull: true },
        biography: { type: DataTypes.TEXT, allowNull: true },
        website: { type: DataTypes.TEXT, allowNull: true },
        followers_count: { type: DataTypes.INTEGER, allowNull: true },
        follows_count: { type: DataTypes.INTEGER, allowNull: true },
        media_count: { type: DataTypes.INTEGER, allowNull: true },
        profile_picture_url: { type: DataTypes.TEXT, allowNull: true },
        fetched_at: { type: DataTypes.DATE(3), allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        updated_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      UTF8MB4,
    );
    await qi.createTable(
      'ig_profile_snapshots',
      {
        ig_user_id: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
        day: { type: DataTypes.DATEONLY, primaryKey: true, allowNull: false },
        followers_count: { type: DataTypes.INTEGER, allowNull: true },
        follows_count: { type: DataTypes.INTEGER, allowNull: true },
        media_count: { type: DataTypes.INTEGER, allowNull: true },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        updated_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      UTF8MB4,
    );
  },
  async down({ context: { queryInterface: qi } }) {
    await qi.dropTable('ig_profile_snapshots');
    await qi.dropTable('ig_profiles');
  },
};
