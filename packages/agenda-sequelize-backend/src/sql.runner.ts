import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** The two engines the backend speaks; MariaDB runs through Sequelize's `mysql` dialect. */
export type SqlEngine = 'sqlite' | 'mysql';

/**
 * Collects bound values and hands out Sequelize's `$n` placeholders, so that every value (JSON
 * paths included) reaches the database as a parameter and never as SQL text.
 */
export class BindParams {
  readonly values: unknown[] = [];

  /** Binds one value; `undefined` is bound as NULL (Sequelize leaves unknown `$n` in the SQL). */
  add(value: unknown): string {
    this.values.push(value === undefined ? null : value);
    return `$${this.values.length}`;
  }

  /** Binds each value and returns the placeholders joined for an `IN (…)` list. */
  list(values: readonly unknown[]): string {
    return values.map((value) => this.add(value)).join(', ');
  }
}

/** MySQL error numbers after which the whole (short) transaction is simply run again. */
const RETRYABLE_MYSQL_ERRORS = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);
const MAX_ATTEMPTS = 8;

/**
 * Runs raw, parameterised SQL through a Sequelize instance and papers over the differences
 * between SQLite and MySQL/MariaDB that the job tables care about: identifier quoting, how
 * DATETIME values are written, and what the driver reports back.
 */
export class SqlRunner {
  readonly engine: SqlEngine;

  constructor(readonly sequelize: Sequelize) {
    const dialect = sequelize.getDialect();
    if (dialect !== 'sqlite' && dialect !== 'mysql') {
      throw new Error(`The Agenda Sequelize backend supports sqlite and mysql, not ${dialect}`);
    }
    this.engine = dialect;
  }

  /** Quotes an identifier that has already been validated (see `assertIdentifier`). */
  id(name: string): string {
    return this.engine === 'sqlite' ? `"${name}"` : `\`${name}\``;
  }

  /**
   * A Date as the engine stores it: `YYYY-MM-DD HH:MM:SS.mmm` in UTC, with Sequelize's
   * ` +00:00` suffix on SQLite so the rows stay readable by Sequelize models and sort as text.
   */
  date(value: Date | null | undefined): string | null {
    if (!value) return null;
    const text = value.toISOString().replace('T', ' ').replace('Z', '');
    return this.engine === 'sqlite' ? `${text} +00:00` : text;
  }

  /** Rows of a SELECT (or of an SQLite `UPDATE … RETURNING`). */
  async rows<T extends object>(sql: string, params: BindParams, transaction?: Transaction) {
    return this.sequelize.query<T>(sql, {
      bind: params.values,
      type: QueryTypes.SELECT,
      raw: true,
      transaction,
    });
  }

  /**
   * Rows an UPDATE or DELETE changed. On MySQL Sequelize turns off FOUND_ROWS, so an UPDATE
   * that writes the values already there counts 0: callers guard their WHERE accordingly.
   */
  async changed(sql: string, params: BindParams, transaction?: Transaction): Promise<number> {
    const type = /^\s*DELETE/i.test(sql) ? QueryTypes.BULKDELETE : QueryTypes.BULKUPDATE;
    const result: unknown = await this.sequelize.query(sql, {
      bind: params.values,
      type,
      transaction,
    });
    return Number(result);
  }

  /** Runs an INSERT and returns the new row's id as a string (ids are BIGINT). */
  async insert(sql: string, params: BindParams): Promise<string> {
    const [id] = await this.sequelize.query(sql, { bind: params.values, type: QueryTypes.INSERT });
    return String(id);
  }

  /**
   * Runs `work` in a transaction, again from the start when MySQL picks it as a deadlock victim
   * (Sequelize has already rolled it back by then). Lock transactions are two statements long,
   * so a retry is cheap and the loser of a race simply tries the next row.
   */
  async transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sequelize.transaction((transaction) => work(transaction));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        // Exponential, jittered: under load many lockers collide again if they all retry at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
      }
    }
  }
}

function isRetryable(error: unknown): boolean {
  const parent = (error as { parent?: { errno?: number } } | undefined)?.parent;
  return parent?.errno !== undefined && RETRYABLE_MYSQL_ERRORS.has(parent.errno);
}

/** Table names are interpolated into SQL, so only plain identifiers are accepted. */
export function assertIdentifier(name: string, what: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
    throw new Error(`${what} must be a plain SQL identifier (letters, digits, _): got "${name}"`);
  }
  return name;
}

/** Reads a DATETIME column back: a Date from mysql2, UTC text from SQLite. */
export function parseDbDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?/.exec(
    String(value),
  );
  if (!match) return new Date(String(value));
  const [, y, mo, d, h, mi, s, frac = '0'] = match;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  return new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms),
  );
}
