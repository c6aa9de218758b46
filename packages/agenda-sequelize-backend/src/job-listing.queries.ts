import {
  computeJobState,
  type JobId,
  type JobState,
  type JobsOverview,
  type JobsQueryOptions,
  type JobsResult,
  type JobsSort,
} from 'agenda';
import { dataConditions, idCondition, nameConditions } from './job-filter.sql.js';
import { toJobParameters, type JobRow } from './job-row.mapper.js';
import type { JobTable } from './job.table.js';
import { BindParams } from './sql.runner.js';

/**
 * Agenda's `computeJobState` as SQL, so that state filters, counts and paging run in the
 * database instead of loading every job. Returned jobs still get their state from
 * `computeJobState` itself; this expression only has to agree with it.
 */
function stateExpression(table: JobTable, params: BindParams, now: Date): string {
  const c = (name: string) => table.c(name);
  return `CASE
    WHEN ${c('locked_at')} IS NOT NULL THEN 'running'
    WHEN ${c('failed_at')} IS NOT NULL AND (${c('last_finished_at')} IS NULL
      OR ${c('failed_at')} >= ${c('last_finished_at')}) THEN 'failed'
    WHEN ${c('repeat_interval')} IS NOT NULL THEN 'repeating'
    WHEN ${c('next_run_at')} > ${params.add(table.sql.date(now))} THEN 'scheduled'
    WHEN ${c('next_run_at')} IS NOT NULL THEN 'queued'
    ELSE 'completed' END`;
}

const SORT_COLUMNS: Partial<Record<keyof JobsSort, string>> = {
  nextRunAt: 'next_run_at',
  lastRunAt: 'last_run_at',
  lastFinishedAt: 'last_finished_at',
  priority: 'priority',
  name: 'name',
};

/** ORDER BY for a listing; NULLs last either way (as Postgres' `NULLS LAST`), id breaks ties. */
function orderBy(table: JobTable, sort: JobsSort | undefined): string {
  const requested = Object.entries(sort ?? {}).filter(([key]) => key in SORT_COLUMNS);
  const parts = (
    requested.length > 0
      ? requested
      : [
          ['nextRunAt', 'desc'],
          ['lastRunAt', 'desc'],
        ]
  ).map(([key, direction]) => {
    const column = table.c(SORT_COLUMNS[key as keyof JobsSort] ?? 'id');
    return `${column} IS NULL, ${column} ${direction === 'asc' ? 'ASC' : 'DESC'}`;
  });
  return [...parts, `${table.c('id')} ASC`].join(', ');
}

function listingConditions(table: JobTable, p: BindParams, options: JobsQueryOptions, now: Date) {
  const conditions = nameConditions(table, p, options);
  if (options.id) conditions.push(idCondition(table, p, [options.id]));
  else if (options.ids?.length) conditions.push(idCondition(table, p, options.ids));
  if (options.search) {
    const pattern = `%${options.search.toLowerCase().replace(/[!%_]/g, (ch) => `!${ch}`)}%`;
    conditions.push(`LOWER(${table.c('name')}) LIKE ${p.add(pattern)} ESCAPE '!'`);
  }
  if (options.data !== undefined) conditions.push(...dataConditions(table, p, options.data));
  if (options.includeDisabled === false) conditions.push(`${table.c('disabled')} = 0`);
  if (options.state === 'paused') conditions.push(`${table.c('disabled')} = 1`);
  else if (options.state) {
    conditions.push(`(${stateExpression(table, p, now)}) = ${p.add(options.state)}`);
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Whole, non-negative numbers only: paging values are written into the SQL. */
const toCount = (value: number | undefined): number =>
  Number.isSafeInteger(value) && (value ?? 0) > 0 ? (value as number) : 0;

/**
 * Agenda's `queryJobs` (Agendash's job list): filters, name search, computed state, sort and
 * paging, all in SQL; `total` counts every match before paging.
 */
export async function queryJobs(
  table: JobTable,
  options: JobsQueryOptions = {},
): Promise<JobsResult> {
  const now = new Date();
  const p = new BindParams();
  const where = listingConditions(table, p, options, now);
  const limit = toCount(options.limit);
  const skip = toCount(options.skip);
  // Neither engine has OFFSET without LIMIT: "no limit" is -1 on SQLite, 2^64-1 on MySQL.
  const unlimited = table.sql.engine === 'sqlite' ? '-1' : '18446744073709551615';
  const paging =
    limit > 0 || skip > 0 ? ` LIMIT ${limit > 0 ? limit : unlimited} OFFSET ${skip}` : '';
  const [rows, counted] = await Promise.all([
    table.sql.rows<JobRow>(
      `SELECT * FROM ${table.t} ${where} ORDER BY ${orderBy(table, options.sort)}${paging}`,
      p,
    ),
    table.sql.rows<{ total: number | string }>(
      `SELECT COUNT(*) AS total FROM ${table.t} ${where}`,
      p,
    ),
  ]);
  const jobs = rows.map((row) => {
    const job = toJobParameters(row);
    return { ...job, _id: job._id as JobId, state: computeJobState(job, now) };
  });
  return { jobs, total: Number(counted[0]?.total ?? 0) };
}

const EMPTY_COUNTS: Omit<JobsOverview, 'name'> = {
  total: 0,
  running: 0,
  scheduled: 0,
  queued: 0,
  completed: 0,
  failed: 0,
  repeating: 0,
  paused: 0,
};

/** Agenda's `getJobsOverview` (Agendash's sidebar): per name, jobs per state and paused. */
export async function getJobsOverview(table: JobTable): Promise<JobsOverview[]> {
  const p = new BindParams();
  const rows = await table.sql.rows<{
    name: string;
    state: JobState;
    disabled: number | string | boolean;
    n: number | string;
  }>(
    // Grouped over a derived table so that no engine has to match the CASE in GROUP BY.
    `SELECT name, state, disabled, COUNT(*) AS n FROM (
       SELECT ${table.c('name')} AS name, ${stateExpression(table, p, new Date())} AS state,
         ${table.c('disabled')} AS disabled
       FROM ${table.t}) AS jobs
     GROUP BY name, state, disabled ORDER BY name`,
    p,
  );
  const overviews = new Map<string, JobsOverview>();
  for (const row of rows) {
    const overview = overviews.get(row.name) ?? { name: row.name, ...EMPTY_COUNTS };
    const n = Number(row.n);
    overview.total += n;
    overview[row.state] += n;
    if (row.disabled === true || Number(row.disabled) === 1) overview.paused += n;
    overviews.set(row.name, overview);
  }
  return [...overviews.values()];
}
