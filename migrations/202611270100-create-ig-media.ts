import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

/** MySQL: 4-byte UTF-8 (emoji) and byte-wise comparison, so ids sort the same as on SQLite. */
const UTF8MB4 = { charset: 'utf8mb4', collate: 'utf8mb4_bin' };

/**
 * Media and their comments. Ids are strings: Instagram ids exceed 2^53. Rows are never
 * dropped: `deleted_at` marks what Instagram stopped returning, `last_seen_at` is when a
 * sync last saw it. `comments_synced_*` record the last full comment read (incremental rule).
 * No foreign keys: these tables mirror Instagram, and steps may write them in any order.
 */
export const createIgMedia: Migration = {
  name: '202611270100-create-ig-media',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable(
      'ig_media',
      {
        id: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
        ig_user_id: { type: DataTypes.STRING(32), allowNull: false },
        caption: { type: DataTypes.TEXT, allowNull: true },
        media_type: { type: DataTypes.STRING(32), allowNull: false },
        media_product_type: { type: DataTypes.STRING(32), allowNull: true },
        media_url: { type: DataTypes.TEXT, allowNull: true },
        thumbnail_url: { type: DataTypes.TEXT, allowNull: true },
        permalink: { type: DataTypes.TEXT, allowNull: true },
        shortcode: { type: DataTypes.STRING(64), allowNull: true },
        timestamp: { type: DataTypes.DATE(3), allowNull: false },
        like_count: { type: DataTypes.INTEGER, allowNull: true },
        comments_count: { type: DataTypes.INTEGER, allowNull: true },
        is_comment_enabled: { type: DataTypes.BOOLEAN, allowNull: true },
        children: { type: DataTypes.TEXT, allowNull: true },
        comments_synced_at: { type: DataTypes.DATE(3), allowNull: true },
        comments_synced_count: { type: DataTypes.INTEGER, allowNull: true },
        deleted_at: { type: DataTypes.DATE(3), allowNull: true },
        last_seen_at: { type: DataTypes.DATE(3), allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        updated_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      UTF8MB4,
    );
    await qi.addIndex('ig_media', ['ig_user_id', 'timestamp', 'id'], {
      name: 'ig_media_user_timestamp',
    });

    await qi.createTable(
      'ig_comments',
      {
        id: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
        media_id: { type: DataTypes.STRING(32), allowNull: false },
        ig_user_id: { type: DataTypes.STRING(32), allowNull: false },
        parent_id: { type: DataTypes.STRING(32), allowNull: true },
        text: { type: DataTypes.TEXT, allowNull: false },
        username: { type: DataTypes.STRING(100), allowNull: true },
        like_count: { type: DataTypes.INTEGER, allowNull: true },
        hidden: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        timestamp: { type: DataTypes.DATE(3), allowNull: false },
        deleted_at: { type: DataTypes.DATE(3), allowNull: true },
        last_seen_at: { type: DataTypes.DATE(3), allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        updated_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      UTF8MB4,
    );
    await qi.addIndex('ig_comments', ['media_id', 'timestamp', 'id'], {
      name: 'ig_comments_media_timestamp',
    });
    await qi.addIndex('ig_comments', ['parent_id', 'timestamp', 'id'], {
      name: 'ig_comments_parent_timestamp',
    });
  },
  async down({ context: { queryInterface: qi } }) {
    await qi.dropTable('ig_comments');
    await qi.dropTable('ig_media');
  },
};
