import type {
  JobLogEntry,
  JobLogEvent,
  JobLogger,
  JobLogQuery,
  JobLogQueryResult,
  LogLevel,
} from 'agenda';
import { BindParams, parseDbDate, type SqlRunner } from './sql.runner.js';

interface LogRow {
  id: number | string;
  logged_at: unknown;
  level: string;
  event: string;
  job_id: string | null;
  job_name: string;
  message: string;
  duration: number | null;
  error: string | null;
  fail_count: number | null;
  retry_delay: number | null;
  retry_attempt: number | null;
  agenda_name: string | null;
  meta: unknown;
}

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

function toEntry(row: LogRow): JobLogEntry {
  const meta = typeof row.meta === 'string' ? JSON.parse(row.meta) : row.meta;
  return {
    _id: String(row.id),
    timestamp: parseDbDate(row.logged_at) ?? new Date(0),
    level: row.level as LogLevel,
    event: row.event as JobLogEvent,
    jobId: row.job_id ?? undefined,
    jobName: row.job_name,
    message: row.message,
    duration: num(row.duration),
    error: row.error ?? undefined,
    failCount: num(row.fail_count),
    retryDelay: num(row.retry_delay),
    retryAttempt: num(row.retry_attempt),
    agendaName: row.agenda_name ?? undefined,
    meta: (meta ?? undefined) as Record<string, unknown> | undefined,
  };
}

/**
 * Agenda's persistent job log (`new Agenda({ logging: true })`) in a table beside the jobs.
 * Agenda writes fire-and-forget; Agendash reads it through `getLogs`.
 */
export class SequelizeJobLogger implements JobLogger {
  private readonly t: string;

  constructor(
    private readonly sql: SqlRunner,
    tableName: string,
  ) {
    this.t = sql.id(tableName);
  }

  async log(entry: Omit<JobLogEntry, '_id'>): Promise<void> {
    const row = {
      logged_at: this.sql.date(entry.timestamp),
      level: entry.level,
      event: entry.event,
      job_id: entry.jobId,
      job_name: entry.jobName,
      message: entry.message,
      duration: entry.duration,
      error: entry.error,
      fail_count: entry.failCount,
      retry_delay: entry.retryDelay,
      retry_attempt: entry.retryAttempt,
      agenda_name: entry.agendaName,
      meta: entry.meta ? JSON.stringify(entry.meta) : null,
    };
    const p = new BindParams();
    const columns = Object.keys(row).map((column) => this.sql.id(column));
    await this.sql.insert(
      `INSERT INTO ${this.t} (${columns.join(', ')}) VALUES (${p.list(Object.values(row))})`,
      p,
    );
  }

  async getLogs(query?: JobLogQuery): Promise<JobLogQueryResult> {
    const p = new BindParams();
    const where = this.where(query, p);
    const direction = query?.sort === 'asc' ? 'ASC' : 'DESC';
    const limit = Math.max(0, Math.trunc(query?.limit ?? 50));
    const offset = Math.max(0, Math.trunc(query?.offset ?? 0));
    const [rows, counted] = await Promise.all([
      this.sql.rows<LogRow>(
        `SELECT * FROM ${this.t} ${where}
         ORDER BY ${this.sql.id('logged_at')} ${direction}, ${this.sql.id('id')} ${direction}
         LIMIT ${limit} OFFSET ${offset}`,
        p,
      ),
      this.sql.rows<{ total: number | string }>(
        `SELECT COUNT(*) AS total FROM ${this.t} ${where}`,
        p,
      ),
    ]);
    return { entries: rows.map(toEntry), total: Number(counted[0]?.total ?? 0) };
  }

  async clearLogs(query?: JobLogQuery): Promise<number> {
    const p = new BindParams();
    return this.sql.changed(`DELETE FROM ${this.t} ${this.where(query, p)}`, p);
  }

  private where(query: JobLogQuery | undefined, p: BindParams): string {
    const c = (name: string) => this.sql.id(name);
    const conditions: string[] = [];
    const oneOf = (column: string, value: string | string[] | undefined) => {
      const values = value === undefined ? [] : [value].flat();
      if (values.length > 0) conditions.push(`${c(column)} IN (${p.list(values)})`);
    };
    if (query?.jobId) conditions.push(`${c('job_id')} = ${p.add(query.jobId)}`);
    if (query?.jobName) conditions.push(`${c('job_name')} = ${p.add(query.jobName)}`);
    oneOf('level', query?.level);
    oneOf('event', query?.event);
    if (query?.from) conditions.push(`${c('logged_at')} >= ${p.add(this.sql.date(query.from))}`);
    if (query?.to) conditions.push(`${c('logged_at')} <= ${p.add(this.sql.date(query.to))}`);
    return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  }
}
