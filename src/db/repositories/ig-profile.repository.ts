import type { ModelStatic } from 'sequelize';
import type { DbModels } from '../models/define-models.js';
import type { IgProfileModel } from '../models/ig-profile.model.js';
import { bulkUpsert } from './bulk-upsert.js';
import type { QueryOptions } from './query-options.js';

/** The latest IG User node of an account, with the time it was read. */
export interface IgProfileRecord {
  igUserId: string;
  igId: string | null;
  username: string | null;
  name: string | null;
  biography: string | null;
  website: string | null;
  followersCount: number | null;
  followsCount: number | null;
  mediaCount: number | null;
  profilePictureUrl: string | null;
  fetchedAt: Date;
}

/** Profiles (`ig_profiles`), one per Instagram account. */
export class IgProfileRepository {
  private readonly profiles: ModelStatic<IgProfileModel>;

  constructor(models: DbModels) {
    this.profiles = models.IgProfile;
  }

  /** Stores `profiles`, replacing every field of the ones already stored. */
  async upsertMany(
    profiles: readonly IgProfileRecord[],
    options: QueryOptions = {},
  ): Promise<number> {
    return bulkUpsert(
      this.profiles,
      profiles,
      {
        conflict: ['igUserId'],
        update: [
          'igId',
          'username',
          'name',
          'biography',
          'website',
          'followersCount',
          'followsCount',
          'mediaCount',
          'profilePictureUrl',
          'fetchedAt',
          'updatedAt',
        ],
      },
      options,
    );
  }

  /** The profile of `igUserId`, or null before its first profile sync. */
  async findByIgUserId(igUserId: string): Promise<IgProfileRecord | null> {
    const row = await this.profiles.findByPk(igUserId);
    return row ? toProfileRecord(row) : null;
  }

  /** Profiles of `igUserIds` (any order; missing ones left out), for batched loading. */
  async findByIgUserIds(igUserIds: readonly string[]): Promise<IgProfileRecord[]> {
    if (igUserIds.length === 0) return [];
    const rows = await this.profiles.findAll({ where: { igUserId: [...igUserIds] } });
    return rows.map(toProfileRecord);
  }
}

function toProfileRecord(row: IgProfileModel): IgProfileRecord {
  return {
    igUserId: row.igUserId,
    igId: row.igId,
    username: row.username,
    name: row.name,
    biography: row.biography,
    website: row.website,
    followersCount: row.followersCount,
    followsCount: row.followsCount,
    mediaCount: row.mediaCount,
    profilePictureUrl: row.profilePictureUrl,
    fetchedAt: row.fetchedAt,
  };
}
