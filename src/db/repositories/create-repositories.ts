import { writeTransaction } from '../connection.js';
import type { DbModels } from '../models/define-models.js';
import { IgAccountInsightRepository } from './ig-account-insight.repository.js';
import { IgAccountRepository } from './ig-account.repository.js';
import { IgCommentRepository } from './ig-comment.repository.js';
import { IgMediaInsightRepository } from './ig-media-insight.repository.js';
import { IgMediaRepository } from './ig-media.repository.js';
import { IgProfileSnapshotRepository } from './ig-profile-snapshot.repository.js';
import { IgProfileRepository } from './ig-profile.repository.js';
import type { QueryOptions } from './query-options.js';
import { reportingUpserts, type RowsUpsertedReport } from './rows-upserted.report.js';

/** The synced-data repositories over one set of models. */
export interface SyncedDataRepositories {
  accounts: IgAccountRepository;
  profiles: IgProfileRepository;
  profileSnapshots: IgProfileSnapshotRepository;
  media: IgMediaRepository;
  comments: IgCommentRepository;
  accountInsights: IgAccountInsightRepository;
  mediaInsights: IgMediaInsightRepository;
  /**
   * Runs `work` as one unit: every repository call given the `options` it receives commits or
   * rolls back together (one page of media and its comments). IMMEDIATE on SQLite, so the
   * write lock is taken at BEGIN rather than failing with SQLITE_BUSY mid-way. Inside `work`,
   * pass the options to every call: on SQLite a call outside would wait for this lock. A
   * deadlock victim on MySQL runs again, so `work` must be safe to repeat (upserts are).
   */
  inTransaction<T>(work: (options: QueryOptions) => Promise<T>): Promise<T>;
}

/** Builds every synced-data repository (for the composition root); `report` counts rows upserted. */
export function createRepositories(
  models: DbModels,
  report?: RowsUpsertedReport,
): SyncedDataRepositories {
  const counted = <R extends Parameters<typeof reportingUpserts>[0]>(repo: R, table: string) =>
    reportingUpserts(repo, table, report);
  return {
    accounts: new IgAccountRepository(models),
    profiles: counted(new IgProfileRepository(models), models.IgProfile.tableName),
    profileSnapshots: counted(
      new IgProfileSnapshotRepository(models),
      models.IgProfileSnapshot.tableName,
    ),
    media: counted(new IgMediaRepository(models), models.IgMedia.tableName),
    comments: counted(new IgCommentRepository(models), models.IgComment.tableName),
    accountInsights: counted(
      new IgAccountInsightRepository(models),
      models.IgAccountInsight.tableName,
    ),
    mediaInsights: counted(new IgMediaInsightRepository(models), models.IgMediaInsight.tableName),
    inTransaction: (work) =>
      writeTransaction(models.sequelize, (transaction) => work({ transaction })),
  };
}
