import type { Engine } from '../connection.js';

/** Values one statement may bind: SQLITE_MAX_VARIABLE_NUMBER, and MySQL's 2^16 − 1 placeholders. */
const MAX_PLACEHOLDERS: Record<Engine, number> = { sqlite: 32_766, mysql: 65_535 };

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

/** How many rows of `columnCount` values fit in one statement on `engine`, at most `cap`. */
export function rowsPerStatement(engine: Engine, columnCount: number, cap: number): number {
  return Math.max(1, Math.min(cap, Math.floor(MAX_PLACEHOLDERS[engine] / columnCount)));
}

/**
 * `INSERT … VALUES (?, …), … ON DUPLICATE KEY UPDATE c = VALUES(c)` (MySQL 8 and MariaDB both
 * accept `VALUES()`; MariaDB has no `AS new` row alias) or SQLite's
 * `… ON CONFLICT (key) DO UPDATE SET c = excluded.c`, for `rowCount` rows of `?` placeholders
 * (Sequelize `replacements`).
 */
export function buildUpsertSql(engine: Engine, shape: UpsertShape, rowCount: number): string {
  if (shape.columns.length === 0 || shape.update.length === 0 || rowCount < 1) {
    throw new Error(`an upsert into ${shape.table} needs columns, columns to update and a row`);
  }
  const row = `(${shape.columns.map(() => '?').join(',')})`;
  const rows = new Array<string>(rowCount).fill(row).join(',');
  const insert = `INSERT INTO ${quote(shape.table)} (${shape.columns.map(quote).join(',')}) VALUES ${rows}`;
  if (engine === 'mysql') {
    const assignments = shape.update.map((c) => `${quote(c)}=VALUES(${quote(c)})`);
    return `${insert} ON DUPLICATE KEY UPDATE ${assignments.join(',')}`;
  }
  const target = shape.conflict.map(quote).join(',');
  const assignments = shape.update.map((c) => `${quote(c)}=excluded.${quote(c)}`);
  return `${insert} ON CONFLICT (${target}) DO UPDATE SET ${assignments.join(',')}`;
}

/** A backquoted identifier (both engines accept backquotes). */
function quote(identifier: string): string {
  return `\`${identifier.replace(/`/g, '``')}\``;
}
