import type { Transaction } from 'sequelize';
import type { JobParameters } from 'agenda';
import { toJobParameters, type JobRow } from './job-row.mapper.js';
import { BindParams, type SqlRunner } from './sql.runner.js';

/** Ids are BIGINT auto-increment; anything else cannot name a row (and must not be cast). */
export function parseJobId(id: unknown): string | undefined {
  const text = typeof id === 'string' || typeof id === 'number' ? String(id) : '';
  return /^[1-9]\d{0,18}$/.test(text) ? text : undefined;
}

/** The jobs table: its quoted name plus the row-level reads and writes every query shares. */
export class JobTable {
  /** Quoted table name, safe to interpolate. */
  readonly t: string;

  constructor(
    readonly sql: SqlRunner,
    readonly tableName: string,
  ) {
    this.t = sql.id(tableName);
  }

  /** Quoted column name. */
  c(column: string): string {
    return this.sql.id(column);
  }

  async findById(id: string, transaction?: Transaction): Promise<JobParameters | undefined> {
    const params = new BindParams();
    const rows = await this.sql.rows<JobRow>(
      `SELECT * FROM ${this.t} WHERE ${this.c('id')} = ${params.add(id)}`,
      params,
      transaction,
    );
    return rows[0] ? toJobParameters(rows[0]) : undefined;
  }

  /** First row matching `where` (built with `params`), in id order. */
  async findOne(where: string, params: BindParams): Promise<JobParameters | undefined> {
    const rows = await this.sql.rows<JobRow>(
      `SELECT * FROM ${this.t} WHERE ${where} ORDER BY ${this.c('id')} LIMIT 1`,
      params,
    );
    return rows[0] ? toJobParameters(rows[0]) : undefined;
  }

  /** Inserts one row (created/updated stamps added) and returns the stored job. */
  async insert(columns: Record<string, unknown>, now: Date): Promise<JobParameters> {
    const params = new BindParams();
    const { names, values } = this.columnList(columns, now, params);
    const id = await this.sql.insert(`INSERT INTO ${this.t} (${names}) VALUES (${values})`, params);
    const job = await this.findById(id);
    if (!job) throw new Error(`job ${id} vanished right after it was inserted`);
    return job;
  }

  /** `SET a = $1, b = $2, updated_at = $3` for the given columns. */
  assignments(columns: Record<string, unknown>, params: BindParams, now: Date): string {
    return Object.entries({ ...columns, updated_at: this.sql.date(now) })
      .map(([column, value]) => `${this.c(column)} = ${params.add(value)}`)
      .join(', ');
  }

  /** Column names and value placeholders of an INSERT, with created/updated stamps. */
  columnList(columns: Record<string, unknown>, now: Date, params: BindParams) {
    const stamp = this.sql.date(now);
    const all = { ...columns, created_at: stamp, updated_at: stamp };
    return {
      names: Object.keys(all)
        .map((column) => this.c(column))
        .join(', '),
      values: Object.values(all)
        .map((value) => params.add(value))
        .join(', '),
    };
  }
}
