import type { Sequelize } from 'sequelize';

/** Tables holding an account's synced rows by `ig_user_id`, children first. */
const BY_ACCOUNT = [
  'ig_comments',
  'ig_media',
  'ig_account_insights',
  'ig_profile_snapshots',
  'ig_profiles',
] as const;

/**
 * Deletes everything synced for one Instagram account, in one transaction: its media
 * insights (keyed by media id), comments, media, account insights and profile history.
 */
export async function purgeSyncedData(sequelize: Sequelize, igUserId: string): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    await sequelize.query(
      'DELETE FROM ig_media_insights WHERE media_id IN (SELECT id FROM ig_media WHERE ig_user_id = ?)',
      { replacements: [igUserId], transaction },
    );
    for (const table of BY_ACCOUNT) {
      await sequelize.query(`DELETE FROM ${table} WHERE ig_user_id = ?`, {
        replacements: [igUserId],
        transaction,
      });
    }
  });
}
