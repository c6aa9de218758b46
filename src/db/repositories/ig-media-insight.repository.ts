import type { ModelStatic } from 'sequelize';
import type { DbModels } from '../models/define-models.js';
import type { IgMediaInsightModel } from '../models/ig-media-insight.model.js';
import { bulkUpsert } from './bulk-upsert.js';
import type { QueryOptions } from './query-options.js';
import { toNullableNumber } from './row-values.js';

/** A lifetime-to-date value of one media metric. */
export interface MediaInsightRecord {
  mediaId: string;
  metric: string;
  /** NULL: Instagram has no value (yet) for this media; not 0. */
  value: number | null;
  fetchedAt: Date;
}

/** Media insights (`ig_media_insights`), per media and metric; each refresh overwrites. */
export class IgMediaInsightRepository {
  private readonly insights: ModelStatic<IgMediaInsightModel>;

  constructor(models: DbModels) {
    this.insights = models.IgMediaInsight;
  }

  /** Stores `values`, replacing value and fetch time of (media, metric) already stored. */
  async upsertMany(
    values: readonly MediaInsightRecord[],
    options: QueryOptions = {},
  ): Promise<number> {
    return bulkUpsert(
      this.insights,
      values,
      { conflict: ['mediaId', 'metric'], update: ['value', 'fetchedAt', 'updatedAt'] },
      options,
    );
  }

  /** The insights of `mediaIds`, by media then metric, for batched loading. */
  async findByMediaIds(mediaIds: readonly string[]): Promise<MediaInsightRecord[]> {
    if (mediaIds.length === 0) return [];
    const rows = await this.insights.findAll({
      where: { mediaId: [...mediaIds] },
      order: [
        ['mediaId', 'ASC'],
        ['metric', 'ASC'],
      ],
    });
    return rows.map((row) => ({
      mediaId: row.mediaId,
      metric: row.metric,
      value: toNullableNumber(row.value),
      fetchedAt: row.fetchedAt,
    }));
  }
}
