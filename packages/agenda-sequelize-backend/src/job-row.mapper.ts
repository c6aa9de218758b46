import { toJobId, type JobParameters } from 'agenda';
import { parseDbDate, type SqlRunner } from './sql.runner.js';

/** One row of the jobs table, as the drivers return it (snake_case columns). */
export interface JobRow {
  id: string | number;
  name: string;
  priority: number | string;
  next_run_at: unknown;
  type: string;
  locked_at: unknown;
  last_run_at: unknown;
  last_finished_at: unknown;
  failed_at: unknown;
  fail_count: number | string | null;
  fail_reason: string | null;
  repeat_interval: string | null;
  repeat_timezone: string | null;
  repeat_at: string | null;
  data: unknown;
  disabled: number | boolean | string;
  progress: number | string | null;
  fork: number | boolean | string;
  last_modified_by: string | null;
  debounce_started_at: unknown;
  start_date: unknown;
  end_date: unknown;
  skip_days: string | null;
  unique_key: string | null;
}

const toBool = (value: unknown): boolean => value === true || Number(value) === 1;
const toNumber = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/**
 * `data` is NULL when the job had none, otherwise JSON text (SQLite, older MariaDB) or an
 * already parsed value (mysql2 parses JSON columns).
 */
function parseData(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** A stored row as Agenda's `JobParameters`; absent values are `undefined`, as Mongo gives. */
export function toJobParameters<DATA = unknown>(row: JobRow): JobParameters<DATA> {
  return {
    _id: toJobId(String(row.id)),
    name: row.name,
    priority: Number(row.priority),
    nextRunAt: parseDbDate(row.next_run_at) ?? null,
    type: row.type === 'single' ? 'single' : 'normal',
    lockedAt: parseDbDate(row.locked_at),
    lastRunAt: parseDbDate(row.last_run_at),
    lastFinishedAt: parseDbDate(row.last_finished_at),
    failedAt: parseDbDate(row.failed_at),
    failCount: toNumber(row.fail_count),
    failReason: orUndefined(row.fail_reason),
    repeatInterval: orUndefined(row.repeat_interval),
    repeatTimezone: orUndefined(row.repeat_timezone),
    repeatAt: orUndefined(row.repeat_at),
    data: parseData(row.data) as DATA,
    disabled: toBool(row.disabled),
    progress: toNumber(row.progress),
    fork: toBool(row.fork),
    lastModifiedBy: orUndefined(row.last_modified_by),
    debounceStartedAt: parseDbDate(row.debounce_started_at),
    startDate: parseDbDate(row.start_date),
    endDate: parseDbDate(row.end_date),
    skipDays: row.skip_days ? (JSON.parse(row.skip_days) as number[]) : undefined,
  };
}

/** Column values for the job's definition (what `saveJob` may write), keyed by column. */
export function definitionColumns(
  sql: SqlRunner,
  job: JobParameters,
  lastModifiedBy: string | undefined,
): Record<string, unknown> {
  return {
    name: job.name,
    priority: job.priority ?? 0,
    next_run_at: sql.date(job.nextRunAt),
    type: job.type === 'single' ? 'single' : 'normal',
    repeat_interval: job.repeatInterval ? String(job.repeatInterval) : null,
    repeat_timezone: job.repeatTimezone || null,
    repeat_at: job.repeatAt || null,
    data: job.data === undefined ? null : JSON.stringify(job.data),
    disabled: job.disabled === true,
    fork: job.fork === true,
    last_modified_by: lastModifiedBy ?? null,
    start_date: sql.date(job.startDate),
    end_date: sql.date(job.endDate),
    skip_days: job.skipDays ? JSON.stringify(job.skipDays) : null,
  };
}

/** Column values of the run state that `saveJobState` (and a fresh insert) writes. */
export function stateColumns(sql: SqlRunner, job: JobParameters): Record<string, unknown> {
  return {
    locked_at: sql.date(job.lockedAt),
    last_run_at: sql.date(job.lastRunAt),
    last_finished_at: sql.date(job.lastFinishedAt),
    failed_at: sql.date(job.failedAt),
    fail_count: job.failCount ?? null,
    fail_reason: job.failReason ?? null,
    progress: job.progress ?? null,
  };
}

/** Every column of a new row: definition, run state and debounce window. */
export function insertColumns(
  sql: SqlRunner,
  job: JobParameters,
  lastModifiedBy: string | undefined,
): Record<string, unknown> {
  return {
    ...definitionColumns(sql, job, lastModifiedBy),
    ...stateColumns(sql, job),
    debounce_started_at: sql.date(job.debounceStartedAt),
  };
}
