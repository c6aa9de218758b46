import type {
  JobId,
  JobParameters,
  JobRepository,
  JobRepositoryOptions,
  JobsOverview,
  JobsQueryOptions,
  JobsResult,
  RemoveJobsOptions,
} from 'agenda';
import { idCondition, selectionConditions } from './job-filter.sql.js';
import { getJobsOverview, queryJobs } from './job-listing.queries.js';
import { lockKnownJob, lockNextJob } from './job-lock.queries.js';
import { stateColumns } from './job-row.mapper.js';
import { saveJob } from './job-save.queries.js';
import { parseJobId, JobTable } from './job.table.js';
import { BindParams, type SqlRunner } from './sql.runner.js';

/**
 * Agenda 6's `JobRepository` over one SQL table, for SQLite and MySQL/MariaDB alike. The hard
 * parts live beside it: locking (`job-lock.queries.ts`), saving (`job-save.queries.ts`) and
 * listing (`job-listing.queries.ts`).
 */
export class SequelizeJobRepository implements JobRepository {
  private readonly table: JobTable;

  constructor(
    sql: SqlRunner,
    tableName: string,
    private readonly onConnect: () => Promise<void>,
  ) {
    this.table = new JobTable(sql, tableName);
  }

  /** Checks the connection (and creates the schema when asked); safe to call repeatedly. */
  connect(): Promise<void> {
    return this.onConnect();
  }

  queryJobs(options?: JobsQueryOptions): Promise<JobsResult> {
    return queryJobs(this.table, options);
  }

  getJobsOverview(): Promise<JobsOverview[]> {
    return getJobsOverview(this.table);
  }

  async getDistinctJobNames(): Promise<string[]> {
    const rows = await this.table.sql.rows<{ name: string }>(
      `SELECT DISTINCT ${this.table.c('name')} AS name FROM ${this.table.t} ORDER BY name`,
      new BindParams(),
    );
    return rows.map((row) => row.name);
  }

  async getJobById(id: string): Promise<JobParameters | null> {
    const valid = parseJobId(id);
    return (valid && (await this.table.findById(valid))) || null;
  }

  /** Jobs due now, whether or not a worker holds them (what Agenda's stats call the queue). */
  async getQueueSize(): Promise<number> {
    const p = new BindParams();
    const rows = await this.table.sql.rows<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${this.table.t}
       WHERE ${this.table.c('next_run_at')} < ${p.add(this.table.sql.date(new Date()))}`,
      p,
    );
    return Number(rows[0]?.n ?? 0);
  }

  async removeJobs(options: RemoveJobsOptions): Promise<number> {
    const p = new BindParams();
    const conditions = selectionConditions(this.table, p, options);
    if (conditions.length === 0) return 0;
    return this.table.sql.changed(
      `DELETE FROM ${this.table.t} WHERE ${conditions.join(' AND ')}`,
      p,
    );
  }

  saveJob<DATA = unknown>(
    job: JobParameters<DATA>,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters<DATA>> {
    return saveJob(this.table, job, options?.lastModifiedBy);
  }

  /**
   * Writes the run state Agenda keeps in memory (lock, last run/finish, failure, progress,
   * next run). Throws when the job is gone, as the official backends do; Agenda ignores that
   * for a job removed while it ran.
   */
  async saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    const id = parseJobId(job._id);
    const p = new BindParams();
    const columns = {
      ...stateColumns(this.table.sql, job),
      next_run_at: this.table.sql.date(job.nextRunAt),
      last_modified_by: options?.lastModifiedBy ?? null,
    };
    const changed = id
      ? await this.table.sql.changed(
          `UPDATE ${this.table.t} SET ${this.table.assignments(columns, p, new Date())}
           WHERE ${this.table.c('id')} = ${p.add(id)} AND ${this.table.c('name')} = ${p.add(job.name)}`,
          p,
        )
      : 0;
    // MySQL counts changed rows only: an update that rewrote identical values reports 0.
    if (changed === 0 && !(id && (await this.table.findById(id))?.name === job.name)) {
      throw new Error(
        `job ${String(job._id)} (name: ${job.name}) cannot be updated in the database, maybe it does not exist anymore?`,
      );
    }
  }

  lockJob(job: JobParameters, options: JobRepositoryOptions | undefined) {
    return lockKnownJob(this.table, job, new Date(), options?.lastModifiedBy);
  }

  /** Releases a lock, except on a job that is mid-run (no next run): its worker still owns it. */
  async unlockJob(job: JobParameters): Promise<void> {
    const id = parseJobId(job._id);
    if (!id) return;
    const p = new BindParams();
    await this.table.sql.changed(
      `UPDATE ${this.table.t} SET ${this.table.c('locked_at')} = NULL
       WHERE ${this.table.c('id')} = ${p.add(id)} AND ${this.table.c('next_run_at')} IS NOT NULL`,
      p,
    );
  }

  /** Releases the locks of the given jobs (Agenda's `stop()`), 500 ids per statement. */
  async unlockJobs(jobIds: (JobId | string)[]): Promise<void> {
    for (let start = 0; start < jobIds.length; start += 500) {
      const p = new BindParams();
      await this.table.sql.changed(
        `UPDATE ${this.table.t} SET ${this.table.c('locked_at')} = NULL
         WHERE ${idCondition(this.table, p, jobIds.slice(start, start + 500))}`,
        p,
      );
    }
  }

  getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    return lockNextJob(this.table, {
      jobName,
      nextScanAt,
      lockDeadline,
      lockedAt: now ?? new Date(),
      lastModifiedBy: options?.lastModifiedBy,
    });
  }

  disableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.setDisabled(options, true);
  }

  enableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.setDisabled(options, false);
  }

  async purgeAllJobs(): Promise<number> {
    return this.table.sql.changed(`DELETE FROM ${this.table.t}`, new BindParams());
  }

  /** Counts the jobs whose flag actually changed, identically on both engines. */
  private async setDisabled(options: RemoveJobsOptions, disabled: boolean): Promise<number> {
    const p = new BindParams();
    const conditions = selectionConditions(this.table, p, options);
    if (conditions.length === 0) return 0;
    const flag = this.table.c('disabled');
    return this.table.sql.changed(
      `UPDATE ${this.table.t} SET ${flag} = ${p.add(disabled)}
       WHERE ${conditions.join(' AND ')} AND ${flag} <> ${p.add(disabled)}`,
      p,
    );
  }
}
