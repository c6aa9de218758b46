import type { JobParameters } from 'agenda';
import { saveUnique } from './job-unique.queries.js';
import { definitionColumns, insertColumns } from './job-row.mapper.js';
import { parseJobId, type JobTable } from './job.table.js';
import { BindParams } from './sql.runner.js';

/**
 * `saveJob`: update by id, upsert a `single` job by name, upsert a `unique()` job, or insert.
 * `single` and `unique()` are enforced by unique indexes, so concurrent saves from many
 * processes never create a second row.
 */
export async function saveJob<DATA>(
  table: JobTable,
  job: JobParameters<DATA>,
  lastModifiedBy: string | undefined,
): Promise<JobParameters<DATA>> {
  const now = new Date();
  const saved = job._id
    ? await updateById(table, job, lastModifiedBy, now)
    : job.type === 'single'
      ? await upsertSingle(table, job, lastModifiedBy, now)
      : job.unique
        ? await saveUnique(table, job, job.unique, lastModifiedBy, now)
        : await table.insert(insertColumns(table.sql, job, lastModifiedBy), now);
  return saved as JobParameters<DATA>;
}

/**
 * Writes the job's definition over the stored row of the same id and name. Run state stays
 * the processor's (`saveJobState`). Failure fields are written only when the caller's object
 * has the key: Agenda's `Job.save()` omits them (the failure stays), Agendash's "retry" sets
 * them to undefined (the failure is cleared). A row removed meanwhile is not re-created: the
 * job comes back unchanged, as with Mongo.
 */
async function updateById(
  table: JobTable,
  job: JobParameters,
  lastModifiedBy: string | undefined,
  now: Date,
): Promise<JobParameters> {
  const id = parseJobId(job._id);
  if (!id) return job;
  const columns: Record<string, unknown> = definitionColumns(table.sql, job, lastModifiedBy);
  if ('failReason' in job) columns.fail_reason = job.failReason ?? null;
  if ('failCount' in job) columns.fail_count = job.failCount ?? null;
  if ('failedAt' in job) columns.failed_at = table.sql.date(job.failedAt);
  const p = new BindParams();
  await table.sql.changed(
    `UPDATE ${table.t} SET ${table.assignments(columns, p, now)}
     WHERE ${table.c('id')} = ${p.add(id)} AND ${table.c('name')} = ${p.add(job.name)}`,
    p,
  );
  const stored = await table.findById(id);
  return stored && stored.name === job.name ? stored : job;
}

/** Columns a repeated `every()` refreshes on its `single` row. */
const SINGLE_REFRESHED = [
  'priority',
  'repeat_interval',
  'repeat_timezone',
  'repeat_at',
  'data',
  'disabled',
  'fork',
  'last_modified_by',
  'start_date',
  'end_date',
  'skip_days',
  'updated_at',
];

/**
 * One row per name for `type: 'single'` (what `every()` saves), kept unique by the generated
 * `single_key` column. A due or past `nextRunAt` does not overwrite the stored one, so
 * restarting every process does not re-run a recurring job early.
 */
async function upsertSingle(
  table: JobTable,
  job: JobParameters,
  lastModifiedBy: string | undefined,
  now: Date,
): Promise<JobParameters> {
  const p = new BindParams();
  const columns = definitionColumns(table.sql, job, lastModifiedBy);
  const stamp = table.sql.date(now);
  const all = { ...columns, created_at: stamp, updated_at: stamp };
  const placeholders = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, p.add(v)]));
  const keepDueNextRunAt = job.nextRunAt !== null && job.nextRunAt <= now;
  const nextRunAt = keepDueNextRunAt
    ? `COALESCE(${table.c('next_run_at')}, ${placeholders.next_run_at})`
    : placeholders.next_run_at;
  const updates = SINGLE_REFRESHED.map((k) => `${table.c(k)} = ${placeholders[k]}`)
    .concat(`${table.c('next_run_at')} = ${nextRunAt}`)
    .join(', ');
  const onConflict =
    table.sql.engine === 'sqlite'
      ? `ON CONFLICT (${table.c('single_key')}) DO UPDATE SET`
      : 'ON DUPLICATE KEY UPDATE';
  await table.sql.insert(
    `INSERT INTO ${table.t} (${Object.keys(all)
      .map((k) => table.c(k))
      .join(', ')})
     VALUES (${Object.values(placeholders).join(', ')}) ${onConflict} ${updates}`,
    p,
  );
  const q = new BindParams();
  const stored = await table.findOne(`${table.c('single_key')} = ${q.add(job.name)}`, q);
  if (!stored) throw new Error(`single job "${job.name}" vanished right after it was saved`);
  return stored;
}
