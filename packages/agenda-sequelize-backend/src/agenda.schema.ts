import type { Sequelize } from 'sequelize';
import { assertIdentifier, SqlRunner } from './sql.runner.js';

/** Names of the two tables the backend uses. */
export interface AgendaTableNames {
  jobsTable: string;
  logsTable: string;
}

export const DEFAULT_TABLE_NAMES: AgendaTableNames = {
  jobsTable: 'agenda_jobs',
  logsTable: 'agenda_logs',
};

const TYPES = {
  sqlite: { id: 'INTEGER PRIMARY KEY AUTOINCREMENT', date: 'DATETIME', bool: 'TINYINT(1)' },
  mysql: {
    id: 'BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY',
    date: 'DATETIME(3)',
    bool: 'BOOLEAN',
  },
} as const;

interface TableSpec {
  columns: [name: string, type: string][];
  /** Index name suffix, unique or not, columns (a trailing " DESC" orders one descending). */
  indexes: { name: string; unique?: boolean; columns: string[] }[];
}

/**
 * Generated column behind the "one row per name" rule of `type: 'single'` jobs: MySQL has no
 * partial unique index, so the name is copied here only for single jobs and indexed uniquely
 * (NULLs never collide). SQLite cannot add a STORED column later, hence VIRTUAL there.
 */
function singleKeyType(sql: SqlRunner): string {
  const expr = `CASE WHEN ${sql.id('type')} = 'single' THEN ${sql.id('name')} END`;
  return `VARCHAR(255) GENERATED ALWAYS AS (${expr}) ${sql.engine === 'sqlite' ? 'VIRTUAL' : 'STORED'}`;
}

/**
 * The jobs table. Index `ready` serves both lock queries: equality on name, disabled and
 * `locked_at IS NULL`, then rows in exactly the ORDER BY of the due-job pick (next_run_at ASC,
 * priority DESC), so `FOR UPDATE SKIP LOCKED … LIMIT 1` stops at the first free row instead of
 * sorting (and locking) every candidate; its `locked_at` range also finds stale locks.
 */
function jobsTable(sql: SqlRunner): TableSpec {
  const { id, date, bool } = TYPES[sql.engine];
  return {
    columns: [
      ['id', id],
      ['name', 'VARCHAR(255) NOT NULL'],
      ['priority', 'INTEGER NOT NULL DEFAULT 0'],
      ['next_run_at', `${date} NULL`],
      ['type', "VARCHAR(10) NOT NULL DEFAULT 'normal'"],
      ['locked_at', `${date} NULL`],
      ['last_run_at', `${date} NULL`],
      ['last_finished_at', `${date} NULL`],
      ['failed_at', `${date} NULL`],
      ['fail_count', 'INTEGER NULL'],
      ['fail_reason', 'TEXT NULL'],
      ['repeat_interval', 'VARCHAR(255) NULL'],
      ['repeat_timezone', 'VARCHAR(100) NULL'],
      ['repeat_at', 'VARCHAR(255) NULL'],
      ['data', 'JSON NULL'],
      ['disabled', `${bool} NOT NULL DEFAULT 0`],
      ['progress', 'DOUBLE PRECISION NULL'],
      ['fork', `${bool} NOT NULL DEFAULT 0`],
      ['last_modified_by', 'VARCHAR(255) NULL'],
      ['debounce_started_at', `${date} NULL`],
      ['start_date', `${date} NULL`],
      ['end_date', `${date} NULL`],
      ['skip_days', 'VARCHAR(64) NULL'],
      ['unique_key', 'CHAR(64) NULL'],
      ['single_key', singleKeyType(sql)],
      ['created_at', `${date} NOT NULL`],
      ['updated_at', `${date} NOT NULL`],
    ],
    indexes: [
      { name: 'ready', columns: ['name', 'disabled', 'locked_at', 'next_run_at', 'priority DESC'] },
      { name: 'single_key', unique: true, columns: ['single_key'] },
      { name: 'unique_key', unique: true, columns: ['unique_key'] },
      { name: 'next_run_at', columns: ['next_run_at'] },
    ],
  };
}

/** Agenda's job log, read newest first overall, per job or per job name. */
function logsTable(sql: SqlRunner): TableSpec {
  const { id, date } = TYPES[sql.engine];
  return {
    columns: [
      ['id', id],
      ['logged_at', `${date} NOT NULL`],
      ['level', 'VARCHAR(10) NOT NULL'],
      ['event', 'VARCHAR(30) NOT NULL'],
      ['job_id', 'VARCHAR(255) NULL'],
      ['job_name', 'VARCHAR(255) NOT NULL'],
      ['message', 'TEXT NOT NULL'],
      ['duration', 'INTEGER NULL'],
      ['error', 'TEXT NULL'],
      ['fail_count', 'INTEGER NULL'],
      ['retry_delay', 'INTEGER NULL'],
      ['retry_attempt', 'INTEGER NULL'],
      ['agenda_name', 'VARCHAR(255) NULL'],
      ['meta', 'JSON NULL'],
    ],
    indexes: [
      { name: 'logged_at', columns: ['logged_at'] },
      { name: 'job_id', columns: ['job_id', 'logged_at'] },
      { name: 'job_name', columns: ['job_name', 'logged_at'] },
    ],
  };
}

/**
 * Idempotent DDL for one table: `CREATE TABLE IF NOT EXISTS`, with the indexes inline on
 * MySQL (which lacks `CREATE INDEX IF NOT EXISTS`) and as `CREATE INDEX IF NOT EXISTS` on
 * SQLite, so two processes ensuring the schema at once cannot trip over each other. On MySQL
 * the binary collation makes names compare exactly ('Sync' ≠ 'sync'), as Mongo and Postgres do.
 */
function tableDdl(sql: SqlRunner, table: string, spec: TableSpec): string[] {
  const t = sql.id(table);
  const columns = spec.columns.map(([name, type]) => `${sql.id(name)} ${type}`);
  const indexes = spec.indexes.map((index) => ({
    name: sql.id(`${table}_${index.name}`),
    unique: index.unique === true,
    columns: index.columns
      .map((c) => (c.endsWith(' DESC') ? `${sql.id(c.slice(0, -5))} DESC` : sql.id(c)))
      .join(', '),
  }));
  if (sql.engine === 'mysql') {
    const keys = indexes.map((i) => `${i.unique ? 'UNIQUE KEY' : 'KEY'} ${i.name} (${i.columns})`);
    return [
      `CREATE TABLE IF NOT EXISTS ${t} (${[...columns, ...keys].join(', ')})` +
        ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
    ];
  }
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (${columns.join(', ')})`,
    ...indexes.map(
      (i) =>
        `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${i.name} ON ${t} (${i.columns})`,
    ),
  ];
}

/**
 * Creates the jobs and logs tables with their indexes unless they exist (the backend's
 * `ensureSchema`). Version 1 of the schema: applications that keep a frozen copy of this DDL
 * in a migration rely on it, so never change it in place; a later change is a new step here.
 */
export async function createAgendaSchema(
  sequelize: Sequelize,
  names: AgendaTableNames = DEFAULT_TABLE_NAMES,
): Promise<void> {
  const sql = new SqlRunner(sequelize);
  const statements = [
    ...tableDdl(sql, assertIdentifier(names.jobsTable, 'jobs table name'), jobsTable(sql)),
    ...tableDdl(sql, assertIdentifier(names.logsTable, 'logs table name'), logsTable(sql)),
  ];
  for (const statement of statements) await sequelize.query(statement);
}

/** Drops both tables (the migration's `down`). */
export async function dropAgendaSchema(
  sequelize: Sequelize,
  names: AgendaTableNames = DEFAULT_TABLE_NAMES,
): Promise<void> {
  const sql = new SqlRunner(sequelize);
  for (const table of [names.logsTable, names.jobsTable]) {
    await sequelize.query(`DROP TABLE IF EXISTS ${sql.id(assertIdentifier(table, 'table name'))}`);
  }
}
