import type { RemoveJobsOptions } from 'agenda';
import { parseJobId, type JobTable } from './job.table.js';
import type { BindParams } from './sql.runner.js';

/**
 * A JSON path to the member `segments` (`$."a"."b"`; `$` for the whole document). Each name is
 * quoted and escaped so that dots, spaces or quotes in a key stay part of that key. The path is
 * always bound as a parameter, never written into the SQL.
 */
export function jsonPath(segments: readonly string[]): string {
  return `$${segments.map((s) => `."${s.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join('')}`;
}

/**
 * `data` at `segments` equals `value`, compared as JSON so that 1 and "1" differ. SQLite's `->`
 * yields minified JSON text; on MySQL/MariaDB both sides go through JSON_EXTRACT and are
 * compared byte for byte (MariaDB's JSON is text, MySQL's a type; this form suits both).
 */
export function jsonEquals(
  table: JobTable,
  params: BindParams,
  segments: readonly string[],
  value: unknown,
): string {
  const path = params.add(jsonPath(segments));
  const json = params.add(JSON.stringify(value ?? null));
  const data = table.c('data');
  return table.sql.engine === 'sqlite'
    ? `(${data} -> ${path}) = ${json}`
    : `CAST(JSON_EXTRACT(${data}, ${path}) AS BINARY) = CAST(JSON_EXTRACT(${json}, '$') AS BINARY)`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Conditions for a `data` filter: an object matches jobs whose data contains each of its leaf
 * values (as Postgres' `@>` does); anything else must equal the whole document.
 */
export function dataConditions(table: JobTable, params: BindParams, filter: unknown): string[] {
  if (!isPlainObject(filter)) return [jsonEquals(table, params, [], filter)];
  const conditions: string[] = [];
  const walk = (value: Record<string, unknown>, prefix: string[]) => {
    for (const [key, leaf] of Object.entries(value)) {
      if (isPlainObject(leaf) && Object.keys(leaf).length > 0) walk(leaf, [...prefix, key]);
      else conditions.push(jsonEquals(table, params, [...prefix, key], leaf));
    }
  };
  walk(filter, []);
  return conditions.length > 0 ? conditions : ['1 = 1'];
}

/** `id = …` for one id, or a condition that matches nothing when the id cannot exist. */
export function idCondition(table: JobTable, params: BindParams, ids: readonly unknown[]): string {
  const valid = ids.map(parseJobId).filter((id): id is string => id !== undefined);
  if (valid.length === 0) return '1 = 0';
  return `${table.c('id')} IN (${params.list(valid)})`;
}

/** Name conditions shared by removal and listing: one name, several, or all but some. */
export function nameConditions(
  table: JobTable,
  params: BindParams,
  options: Pick<RemoveJobsOptions, 'name' | 'names' | 'notNames'>,
): string[] {
  const name = table.c('name');
  if (options.name) return [`${name} = ${params.add(options.name)}`];
  if (options.names?.length) return [`${name} IN (${params.list(options.names)})`];
  if (options.notNames?.length) return [`${name} NOT IN (${params.list(options.notNames)})`];
  return [];
}

/**
 * WHERE conditions for remove/disable/enable. No criteria at all yields an empty list, which
 * callers treat as "touch nothing" (as the official backends do).
 */
export function selectionConditions(
  table: JobTable,
  params: BindParams,
  options: RemoveJobsOptions,
): string[] {
  const conditions: string[] = [];
  if (options.id) conditions.push(idCondition(table, params, [options.id]));
  else if (options.ids?.length) conditions.push(idCondition(table, params, options.ids));
  conditions.push(...nameConditions(table, params, options));
  if (options.data !== undefined) conditions.push(...dataConditions(table, params, options.data));
  return conditions;
}

/** Top-level fields a `unique()` query may name besides `data.*`, and their columns. */
const UNIQUE_FIELDS: Record<string, string> = {
  name: 'name',
  priority: 'priority',
  type: 'type',
  nextRunAt: 'next_run_at',
  repeatInterval: 'repeat_interval',
  repeatTimezone: 'repeat_timezone',
  repeatAt: 'repeat_at',
  disabled: 'disabled',
};

/**
 * Conditions for Agenda's `unique({ 'data.userId': 1, … })` query, Mongo style: `data.a.b`
 * addresses nested members, `data` the whole document, other keys the fields listed above.
 */
export function uniqueConditions(
  table: JobTable,
  params: BindParams,
  unique: Record<string, unknown>,
): string[] {
  return Object.entries(unique).map(([key, value]) => {
    if (key === 'data') return jsonEquals(table, params, [], value);
    if (key.startsWith('data.')) return jsonEquals(table, params, key.slice(5).split('.'), value);
    const column = UNIQUE_FIELDS[key];
    if (!column) throw new Error(`unique() cannot match on "${key}": use data.* or a job field`);
    const bound = value instanceof Date ? table.sql.date(value) : value;
    return `${table.c(column)} = ${params.add(bound)}`;
  });
}
