import { Op, type ModelStatic } from 'sequelize';
import type { DbModels } from '../models/define-models.js';
import type { IgProfileSnapshotModel } from '../models/ig-profile-snapshot.model.js';
import { bulkUpsert } from './bulk-upsert.js';
import type { QueryOptions } from './query-options.js';

/**
 * An account's counts on one day (`YYYY-MM-DD` in the sync time zone). Instagram keeps no
 * history of `followers_count`; these rows are that history.
 */
export interface IgProfileSnapshotRecord {
  igUserId: string;
  day: string;
  followersCount: number | null;
  followsCount: number | null;
  mediaCount: number | null;
}

/** Daily profile snapshots (`ig_profile_snapshots`); a later sync the same day overwrites. */
export class IgProfileSnapshotRepository {
  private readonly snapshots: ModelStatic<IgProfileSnapshotModel>;

  constructor(models: DbModels) {
    this.snapshots = models.IgProfileSnapshot;
  }

  /** Stores `snapshots`, replacing the counts of a (account, day) already stored. */
  async upsertMany(
    snapshots: readonly IgProfileSnapshotRecord[],
    options: QueryOptions = {},
  ): Promise<number> {
    return bulkUpsert(
      this.snapshots,
      snapshots,
      {
        conflict: ['igUserId', 'day'],
        update: ['followersCount', 'followsCount', 'mediaCount', 'updatedAt'],
      },
      options,
    );
  }

  /** Snapshots of `igUserId` with `since <= day <= until`, oldest first. */
  async findRange(
    igUserId: string,
    since: string,
    until: string,
  ): Promise<IgProfileSnapshotRecord[]> {
    const rows = await this.snapshots.findAll({
      where: { igUserId, day: { [Op.between]: [since, until] } },
      order: [['day', 'ASC']],
    });
    return rows.map((row) => ({
      igUserId: row.igUserId,
      day: row.day,
      followersCount: row.followersCount,
      followsCount: row.followsCount,
      mediaCount: row.mediaCount,
    }));
  }
}
