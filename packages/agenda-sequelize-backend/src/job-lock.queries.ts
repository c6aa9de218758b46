import type { Transaction } from 'sequelize';
import type { JobParameters } from 'agenda';
import { toJobParameters, type JobRow } from './job-row.mapper.js';
import { parseJobId, type JobTable } from './job.table.js';
import { BindParams } from './sql.runner.js';

/** What `getNextJobToRun` looks for: Agenda computes both instants from its own clock. */
export interface NextJobQuery {
  jobName: string;
  /** Jobs due before this instant may be locked now (Agenda's next scan). */
  nextScanAt: Date;
  /** A lock taken before this instant is stale (its worker died or overran `lockLifetime`). */
  lockDeadline: Date;
  /** The lock time written into `locked_at`. */
  lockedAt: Date;
  lastModifiedBy: string | undefined;
}

/**
 * Finds the next runnable job of one name and locks it, atomically on both engines. Stale
 * locks are taken over first (they are overdue by definition), then due jobs by `nextRunAt`
 * ascending and priority descending.
 */
export function lockNextJob(table: JobTable, query: NextJobQuery) {
  return table.sql.engine === 'sqlite'
    ? lockNextOnSqlite(table, query)
    : lockNextOnMysql(table, query);
}

/**
 * SQLite takes its single write lock when a writing statement starts, so one guarded
 * `UPDATE … WHERE id = (pick) RETURNING *` is atomic: no other writer can lock the same row
 * between the pick and the write, and an empty result means nothing was lockable. The pick is
 * the stale-lock query, else the due-job query, each walking the `ready` index in order.
 */
async function lockNextOnSqlite(
  table: JobTable,
  q: NextJobQuery,
): Promise<JobParameters | undefined> {
  const p = new BindParams();
  const c = (name: string) => table.c(name);
  const now = p.add(table.sql.date(q.lockedAt));
  const lastModifiedBy = p.add(q.lastModifiedBy);
  const pick = (kind: 'stale' | 'due') =>
    `(SELECT ${c('id')} FROM ${table.t} WHERE ${pickCondition(table, q, kind, p)}
      ORDER BY ${c('next_run_at')}, ${c('priority')} DESC LIMIT 1)`;
  const rows = await table.sql.rows<JobRow>(
    `UPDATE ${table.t} SET ${c('locked_at')} = ${now}, ${c('updated_at')} = ${now},
       ${c('last_modified_by')} = ${lastModifiedBy}
     WHERE ${c('id')} = COALESCE(${pick('stale')}, ${pick('due')})
     RETURNING *`,
    p,
  );
  return rows[0] ? toJobParameters(rows[0]) : undefined;
}

/** Stale: locked before the deadline. Due: unlocked and due before the next scan. */
function pickCondition(table: JobTable, q: NextJobQuery, kind: 'stale' | 'due', p: BindParams) {
  const c = (name: string) => table.c(name);
  const lock =
    kind === 'stale'
      ? `${c('locked_at')} <= ${p.add(table.sql.date(q.lockDeadline))}`
      : `${c('locked_at')} IS NULL AND ${c('next_run_at')} <= ${p.add(table.sql.date(q.nextScanAt))}`;
  return `${c('name')} = ${p.add(q.jobName)} AND ${c('disabled')} = 0 AND ${lock}`;
}

/**
 * MySQL/MariaDB have no `UPDATE … RETURNING`, so the row is picked and locked in a short
 * transaction: `SELECT … FOR UPDATE SKIP LOCKED` (raw SQL: Sequelize 6 drops `skipLocked` on
 * mysql) then `UPDATE`. SKIP LOCKED lets concurrent workers step over each other's candidate
 * instead of queueing behind it. Each SELECT walks the (name, disabled, locked_at, next_run_at,
 * priority DESC) index in ORDER BY order and stops at the first free row; a filesort would read
 * and lock every candidate, starving the other workers.
 */
async function lockNextOnMysql(
  table: JobTable,
  q: NextJobQuery,
): Promise<JobParameters | undefined> {
  return table.sql.transaction(async (transaction) => {
    const row =
      (await pickRow(table, q, 'stale', transaction)) ??
      (await pickRow(table, q, 'due', transaction));
    if (!row) return undefined;
    const p = new BindParams();
    const now = p.add(table.sql.date(q.lockedAt));
    await table.sql.changed(
      `UPDATE ${table.t} SET ${table.c('locked_at')} = ${now}, ${table.c('updated_at')} = ${now},
         ${table.c('last_modified_by')} = ${p.add(q.lastModifiedBy)}
       WHERE ${table.c('id')} = ${p.add(row.id)}`,
      p,
      transaction,
    );
    return { ...toJobParameters(row), lockedAt: q.lockedAt, lastModifiedBy: q.lastModifiedBy };
  });
}

async function pickRow(
  table: JobTable,
  q: NextJobQuery,
  kind: 'stale' | 'due',
  transaction: Transaction,
): Promise<JobRow | undefined> {
  const p = new BindParams();
  const rows = await table.sql.rows<JobRow>(
    `SELECT * FROM ${table.t} WHERE ${pickCondition(table, q, kind, p)}
     ORDER BY ${table.c('next_run_at')}, ${table.c('priority')} DESC
     LIMIT 1 FOR UPDATE SKIP LOCKED`,
    p,
    transaction,
  );
  return rows[0];
}

/**
 * Locks one known job as a compare-and-set: it must still be unlocked, enabled, of the same
 * name and due at the same `nextRunAt` the caller saw. One guarded UPDATE on both engines;
 * exactly one changed row means this caller owns the lock.
 */
export async function lockKnownJob(
  table: JobTable,
  job: JobParameters,
  lockedAt: Date,
  lastModifiedBy: string | undefined,
): Promise<JobParameters | undefined> {
  const id = parseJobId(job._id);
  if (!id) return undefined;
  const p = new BindParams();
  const c = (name: string) => table.c(name);
  const now = p.add(table.sql.date(lockedAt));
  const sameNextRunAt = table.sql.engine === 'sqlite' ? 'IS' : '<=>';
  const changed = await table.sql.changed(
    `UPDATE ${table.t} SET ${c('locked_at')} = ${now}, ${c('updated_at')} = ${now},
       ${c('last_modified_by')} = ${p.add(lastModifiedBy)}
     WHERE ${c('id')} = ${p.add(id)} AND ${c('name')} = ${p.add(job.name)}
       AND ${c('locked_at')} IS NULL AND ${c('disabled')} = 0
       AND ${c('next_run_at')} ${sameNextRunAt} ${p.add(table.sql.date(job.nextRunAt))}`,
    p,
  );
  return changed === 1 ? table.findById(id) : undefined;
}
