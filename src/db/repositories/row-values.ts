import type { Engine } from '../connection.js';

/**
 * Value conversions for columns whose JavaScript type differs by engine: MySQL returns BIGINT
 * as strings (`bigNumberStrings`); and the stored form of each value an upsert writes, which
 * must stay what Sequelize wrote before (rows of both ages are compared and sorted together).
 */

/** A BIGINT column as a number, keeping NULL ("not measured") apart from 0. */
export function toNullableNumber(
  value: number | string | bigint | null | undefined,
): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/**
 * A DATE column's value as Sequelize 6 stores it (the connection's timezone is UTC): MySQL
 * `YYYY-MM-DD HH:mm:ss.SSS` (no fraction for a DATETIME without one), SQLite the same with
 * ` +00:00`. Rows written before and after must compare and sort alike, so this must not drift.
 */
export function toStoredDateTime(
  value: unknown,
  engine: Engine,
  fractional: boolean,
  column: string,
): string {
  const date = value instanceof Date ? value : new Date(value as string | number);
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  // Four-digit years only: toISOString writes others as ±YYYYYY.
  if (iso.length !== 24)
    throw new Error(`${column}: ${String(value)} is not a date in years 0–9999`);
  const stored = `${iso.slice(0, 10)} ${iso.slice(11, fractional ? 23 : 19)}`;
  return engine === 'sqlite' ? `${stored} +00:00` : stored;
}

/** A DATEONLY column's value: `YYYY-MM-DD` as given, a Date by its local calendar day (as Sequelize). */
export function toStoredDateOnly(value: unknown, column: string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value as string | number);
  if (Number.isNaN(date.getTime())) throw new Error(`${column}: ${String(value)} is not a day`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A BOOLEAN column's value as both engines store it: 1 or 0 ('false' and '0' are false, as in Sequelize). */
export function toStoredBoolean(value: unknown): number {
  if (typeof value === 'string') return value === 'false' || value === '0' || value === '' ? 0 : 1;
  return value ? 1 : 0;
}
