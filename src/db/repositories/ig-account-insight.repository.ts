import { Op, type ModelStatic } from 'sequelize';
import type { DbModels } from '../models/define-models.js';
import type { IgAccountInsightModel } from '../models/ig-account-insight.model.js';
import { bulkUpsert } from './bulk-upsert.js';
import type { QueryOptions } from './query-options.js';
import { toNullableNumber } from './row-values.js';

/** Identifies one stored value: a metric over a period, for one day (`YYYY-MM-DD`). */
export interface InsightDayKey {
  metric: string;
  period: string;
  day: string;
}

/** One daily account insight value. */
export interface AccountInsightRecord extends InsightDayKey {
  igUserId: string;
  /** NULL: Instagram has not measured that day yet (it answers an empty list). Not 0. */
  value: number | null;
  /** The day was older than the trailing window Instagram may still fill in when fetched. */
  final: boolean;
  fetchedAt: Date;
}

/** Which days of an account's insights to read: `since <= day <= until` (inclusive). */
export interface InsightRangeQuery {
  igUserId: string;
  since: string;
  until: string;
  metrics?: readonly string[];
  period?: string;
}

/** Daily account insights (`ig_account_insights`), per account, metric, period and day. */
export class IgAccountInsightRepository {
  private readonly insights: ModelStatic<IgAccountInsightModel>;

  constructor(models: DbModels) {
    this.insights = models.IgAccountInsight;
  }

  /** Stores `values`, replacing value, finality and fetch time of days already stored. */
  async upsertMany(
    values: readonly AccountInsightRecord[],
    options: QueryOptions = {},
  ): Promise<number> {
    return bulkUpsert(
      this.insights,
      values,
      {
        conflict: ['igUserId', 'metric', 'period', 'day'],
        update: ['value', 'final', 'fetchedAt', 'updatedAt'],
      },
      options,
    );
  }

  /** The stored series of the range, by metric, period, then day (oldest first). */
  async findSeries(query: InsightRangeQuery): Promise<AccountInsightRecord[]> {
    const rows = await this.insights.findAll({
      where: rangeWhere(query),
      order: [
        ['metric', 'ASC'],
        ['period', 'ASC'],
        ['day', 'ASC'],
      ],
    });
    return rows.map((row) => ({
      igUserId: row.igUserId,
      metric: row.metric,
      period: row.period,
      day: row.day,
      value: toNullableNumber(row.value),
      final: Boolean(row.final),
      fetchedAt: row.fetchedAt,
    }));
  }

  /** The (metric, period, day) of the range already stored as final: no need to fetch again. */
  async findFinalDays(query: InsightRangeQuery): Promise<InsightDayKey[]> {
    const rows = await this.insights.findAll({
      attributes: ['metric', 'period', 'day'],
      where: { ...rangeWhere(query), final: true },
      order: [
        ['metric', 'ASC'],
        ['period', 'ASC'],
        ['day', 'ASC'],
      ],
    });
    return rows.map(({ metric, period, day }) => ({ metric, period, day }));
  }
}

function rangeWhere(query: InsightRangeQuery) {
  return {
    igUserId: query.igUserId,
    day: { [Op.between]: [query.since, query.until] },
    ...(query.metrics ? { metric: [...query.metrics] } : {}),
    ...(query.period ? { period: query.period } : {}),
  };
}
