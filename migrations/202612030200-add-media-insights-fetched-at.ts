import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

/**
 * When a media's insights were last read in full for its kind: a media whose insights are
 * not refreshed by its media page is asked on its own only once this is older than the
 * cadence for its age. NULL: never read (media stored before this column, too).
 */
export const addMediaInsightsFetchedAt: Migration = {
  name: '202612030200-add-media-insights-fetched-at',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('ig_media', 'insights_fetched_at', {
      type: DataTypes.DATE(3),
      allowNull: true,
    });
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('ALTER TABLE ig_media DROP COLUMN insights_fetched_at');
  },
};
