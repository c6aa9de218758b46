import { createHash } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import type { JobParameters } from 'agenda';
import {
  firstDebouncedSchedule,
  nextDebouncedSchedule,
  type DebouncedSchedule,
} from './debounce.policy.js';
import { uniqueConditions } from './job-filter.sql.js';
import { definitionColumns, insertColumns } from './job-row.mapper.js';
import type { JobTable } from './job.table.js';
import { BindParams } from './sql.runner.js';

/** Identifies a `unique()` query: the same name and query always give the same key. */
export function uniqueKeyOf(name: string, unique: Record<string, unknown>): string {
  const entries = Object.keys(unique)
    .sort()
    .map((key) => [key, unique[key]]);
  return createHash('sha256')
    .update(JSON.stringify([name, entries]))
    .digest('hex');
}

/**
 * Upsert for `unique()`: the matching job is found through its data (bound JSON paths), and
 * a new one carries `unique_key`, whose unique index makes a concurrent duplicate insert fail;
 * the loser then finds the winner's row and updates it instead.
 */
export async function saveUnique(
  table: JobTable,
  job: JobParameters,
  unique: Record<string, unknown>,
  lastModifiedBy: string | undefined,
  now: Date,
): Promise<JobParameters> {
  const key = uniqueKeyOf(job.name, unique);
  const debounce = job.uniqueOpts?.debounce;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const existing = await findUniqueMatch(table, job.name, unique, key);
    if (existing) {
      if (job.uniqueOpts?.insertOnly && !debounce) return existing;
      const schedule = debounce
        ? nextDebouncedSchedule(existing, debounce, now)
        : { nextRunAt: job.nextRunAt, debounceStartedAt: null };
      return updateUniqueMatch(table, String(existing._id), job, schedule, lastModifiedBy, now);
    }
    const columns = insertColumns(table.sql, job, lastModifiedBy);
    if (debounce) {
      const schedule = firstDebouncedSchedule(job.nextRunAt, debounce, now);
      columns.next_run_at = table.sql.date(schedule.nextRunAt);
      columns.debounce_started_at = table.sql.date(schedule.debounceStartedAt);
    }
    try {
      return await table.insert({ ...columns, unique_key: key }, now);
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
  }
  throw new Error(`could not save unique job "${job.name}": its row keeps changing`);
}

async function findUniqueMatch(
  table: JobTable,
  name: string,
  unique: Record<string, unknown>,
  key: string,
): Promise<JobParameters | undefined> {
  const p = new BindParams();
  const conditions = [`${table.c('name')} = ${p.add(name)}`, ...uniqueConditions(table, p, unique)];
  const byData = await table.findOne(conditions.join(' AND '), p);
  if (byData) return byData;
  // The row that took this key may have had its data changed since; it still owns the key.
  const q = new BindParams();
  return table.findOne(`${table.c('unique_key')} = ${q.add(key)}`, q);
}

async function updateUniqueMatch(
  table: JobTable,
  id: string,
  job: JobParameters,
  schedule: DebouncedSchedule,
  lastModifiedBy: string | undefined,
  now: Date,
): Promise<JobParameters> {
  const columns = {
    ...definitionColumns(table.sql, job, lastModifiedBy),
    next_run_at: table.sql.date(schedule.nextRunAt),
    debounce_started_at: table.sql.date(schedule.debounceStartedAt),
  };
  const p = new BindParams();
  await table.sql.changed(
    `UPDATE ${table.t} SET ${table.assignments(columns, p, now)} WHERE ${table.c('id')} = ${p.add(id)}`,
    p,
  );
  const stored = await table.findById(id);
  if (!stored) throw new Error(`unique job ${id} was removed while it was being saved`);
  return stored;
}
