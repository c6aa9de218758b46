import { escape as escapeMysql } from 'mysql2';
import type { Engine } from '../connection.js';

/** The shape of one multi-row upsert: column names as stored (snake_case fields). */
export interface UpsertShape {
  table: string;
  /** Every column the rows carry, in the order of each row's values. */
  columns: readonly string[];
  /** The unique key a row conflicts on (SQLite names it; MySQL uses every unique key). */
  conflict: readonly string[];
  /** Columns overwritten by the new row's value when the key exists. */
  update: readonly string[];
}

/**
 * `INSERT … VALUES (…), … ON DUPLICATE KEY UPDATE c = VALUES(c)` (MySQL 8 and MariaDB both
 * accept `VALUES()`; MariaDB has no `AS new` row alias) or SQLite's
 * `… ON CONFLICT (key) DO UPDATE SET c = excluded.c`, for `tuples`: each row's values, escaped,
 * as `(v1,v2,…)` in the order of `shape.columns`.
 */
export function buildUpsertSql(
  engine: Engine,
  shape: UpsertShape,
  tuples: readonly string[],
): string {
  if (shape.columns.length === 0 || shape.update.length === 0 || tuples.length < 1) {
    throw new Error(`an upsert into ${shape.table} needs columns, columns to update and a row`);
  }
  const insert = `INSERT INTO ${quoteIdentifier(shape.table)} (${shape.columns.map(quoteIdentifier).join(',')}) VALUES ${tuples.join(',')}`;
  if (engine === 'mysql') {
    const assignments = shape.update.map(
      (c) => `${quoteIdentifier(c)}=VALUES(${quoteIdentifier(c)})`,
    );
    return `${insert} ON DUPLICATE KEY UPDATE ${assignments.join(',')}`;
  }
  const target = shape.conflict.map(quoteIdentifier).join(',');
  const assignments = shape.update.map(
    (c) => `${quoteIdentifier(c)}=excluded.${quoteIdentifier(c)}`,
  );
  return `${insert} ON CONFLICT (${target}) DO UPDATE SET ${assignments.join(',')}`;
}

/** A backquoted identifier (both engines accept backquotes). */
export function quoteIdentifier(identifier: string): string {
  return `\`${identifier.replace(/`/g, '``')}\``;
}

/**
 * A value in its stored form (string, number or null) as an SQL literal on `engine`: mysql2's
 * own escaping on MySQL, and on SQLite a quoted string with its quotes doubled, as Sequelize
 * writes them. (Sequelize's `escape` gives the same text, at three times the CPU on MySQL.)
 */
export function sqlLiteral(engine: Engine, value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new TypeError(`not a stored value: ${typeof value}`);
  return engine === 'mysql' ? escapeMysql(value) : `'${value.replace(/'/g, "''")}'`;
}
