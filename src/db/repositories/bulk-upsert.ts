import type { Attributes, CreationAttributes, Model, ModelStatic, Transaction } from 'sequelize';
import {
  engineOfConnection,
  writeStatement,
  writeTransaction,
  type Engine,
} from '../connection.js';
import { runDriverStatement } from '../driver-statement.js';
import type { QueryOptions } from './query-options.js';
import { upsertColumnsOf, type UpsertColumn } from './upsert-columns.js';
import { buildUpsertSql, sqlLiteral, type UpsertShape } from './upsert-statement.js';

/**
 * Rows per INSERT … ON CONFLICT/ON DUPLICATE KEY statement: well under MySQL's packet limit
 * (16 MiB by default) even with every text column at Instagram's 2,200-character limit.
 */
export const UPSERT_CHUNK_SIZE = 500;

export interface UpsertSpec<M extends Model, S extends keyof Attributes<M> = never> {
  /** The primary key: the row's identity (Instagram ids). */
  conflict: (keyof Attributes<M>)[];
  /** Columns overwritten when the row exists; everything else keeps its stored value. */
  update: (keyof Attributes<M>)[];
  /** Values every row of the write takes (a page's `lastSeenAt`), over what a row has. */
  shared?: Pick<Attributes<M>, S>;
}

/**
 * Inserts `rows` or updates the stored ones with the same key, one multi-row statement per
 * chunk, and returns how many distinct rows were written. Values are stored as Sequelize's
 * `bulkCreate` stored them (upsert-columns.ts); `createdAt` and `updatedAt` are now where a
 * row has none, and `createdAt` is never overwritten. Duplicate keys within `rows` collapse
 * to the last one, and rows go in key order so that concurrent writers take InnoDB locks in
 * the same order. Without a caller's transaction, a write runs in a transaction of its own,
 * except one statement on MySQL: on SQLite, BEGIN IMMEDIATE waits out (and retries) another
 * process's write lock, which a statement on the driver's connection would not.
 */
export async function bulkUpsert<M extends Model, S extends keyof Attributes<M> = never>(
  model: ModelStatic<M>,
  rows: readonly Omit<CreationAttributes<M>, S>[],
  spec: UpsertSpec<M, S>,
  options: QueryOptions = {},
): Promise<number> {
  const unique = uniqueByKey(rows as readonly Row[], spec.conflict as string[]);
  if (unique.length === 0) return 0;
  const sequelize = model.sequelize;
  if (!sequelize) throw new Error(`model ${model.name} is not bound to a connection`);
  const engine = engineOfConnection(sequelize);
  const plan = planUpsert(model, engine, unique, spec);
  const writeChunks = async (transaction: Transaction | undefined) => {
    for (let i = 0; i < unique.length; i += UPSERT_CHUNK_SIZE) {
      const chunk = unique.slice(i, i + UPSERT_CHUNK_SIZE);
      const sql = buildUpsertSql(engine, plan.shape, chunk.map(plan.tupleOf));
      await runDriverStatement(sequelize, sql, transaction);
    }
  };
  if (options.transaction) {
    // The caller's transaction: a deadlock rolls it back whole, so the caller retries it.
    await writeChunks(options.transaction);
  } else if (engine === 'mysql' && unique.length <= UPSERT_CHUNK_SIZE) {
    await writeStatement(sequelize, () => writeChunks(undefined));
  } else {
    await writeTransaction(sequelize, writeChunks);
  }
  return unique.length;
}

type Row = Record<string, unknown>;

interface UpsertPlan {
  shape: UpsertShape;
  /**
   * A row as an SQL tuple, values in the shape's column order and escaped for the engine.
   * The values go into the statement's text here rather than as Sequelize `replacements`:
   * splicing those in meant tokenizing the whole statement to find its `?`s.
   */
  tupleOf: (row: Row) => string;
}

/** The model's columns per connection, derived once. */
const columnsByModel = new WeakMap<ModelStatic<Model>, Map<string, UpsertColumn>>();

/**
 * The statement for `rows`, as `bulkCreate` built it: every attribute some row (or `shared`)
 * has a value for (a row without one stores NULL there) plus the timestamps; updated on
 * conflict, the `update` attributes except `createdAt`.
 */
function planUpsert<M extends Model, S extends keyof Attributes<M>>(
  model: ModelStatic<M>,
  engine: Engine,
  rows: readonly Row[],
  spec: UpsertSpec<M, S>,
): UpsertPlan {
  let known = columnsByModel.get(model);
  if (!known) {
    known = upsertColumnsOf(model, engine);
    columnsByModel.set(model, known);
  }
  const fieldOf = (attribute: string) => {
    const column = known.get(attribute);
    if (!column) throw new Error(`${model.tableName} has no attribute ${attribute}`);
    return column.field;
  };
  const { createdAt, updatedAt } = timestampAttributes(model);
  const now = new Date();
  const shared: Row = { ...spec.shared };
  const stamps = new Set([createdAt, updatedAt].filter((a) => a !== undefined && known.has(a)));
  const columns = [...known.values()].filter(
    (c) =>
      stamps.has(c.attribute) ||
      c.attribute in shared ||
      rows.some((row) => row[c.attribute] !== undefined),
  );
  const literal = (column: UpsertColumn, value: unknown) =>
    sqlLiteral(engine, column.encode(value));
  const writers = columns.map((column): ((row: Row) => string) => {
    const { attribute } = column;
    if (attribute in shared) {
      const text = literal(column, shared[attribute]);
      return () => text;
    }
    const write = memoizedDates((value) => literal(column, value));
    if (!stamps.has(attribute)) return (row) => write(row[attribute]);
    // A falsy timestamp is filled in, as bulkCreate does.
    const stamp = literal(column, now);
    return (row) => (row[attribute] ? write(row[attribute]) : stamp);
  });
  const update = (spec.update as string[]).filter((a) => a !== createdAt).map(fieldOf);
  return {
    shape: {
      table: model.tableName,
      columns: columns.map((c) => c.field),
      conflict: (spec.conflict as string[]).map(fieldOf),
      update,
    },
    tupleOf: (row) => {
      let tuple = '(';
      for (let i = 0; i < writers.length; i++) tuple += (i > 0 ? ',' : '') + writers[i]!(row);
      return `${tuple})`;
    },
  };
}

/**
 * `write`, remembering its last Date: rows of one write share their stamps (seen at, fetched
 * at), and formatting the same instant once per row was a good part of building the rows.
 */
function memoizedDates(write: (value: unknown) => string): (value: unknown) => string {
  let lastTime = Number.NaN;
  let lastText = '';
  return (value) => {
    if (!(value instanceof Date)) return write(value);
    const time = value.getTime();
    if (time !== lastTime) {
      lastText = write(value);
      lastTime = time;
    }
    return lastText;
  };
}

/** The model's timestamp attributes, when it keeps them (Sequelize's `timestamps` options). */
function timestampAttributes(model: ModelStatic<Model>): {
  createdAt?: string;
  updatedAt?: string;
} {
  const { timestamps, createdAt, updatedAt } = model.options;
  if (timestamps === false) return {};
  const name = (option: string | boolean | undefined, fallback: string) =>
    option === false ? undefined : typeof option === 'string' ? option : fallback;
  return { createdAt: name(createdAt, 'createdAt'), updatedAt: name(updatedAt, 'updatedAt') };
}

function uniqueByKey(rows: readonly Row[], keyFields: string[]): Row[] {
  const [only] = keyFields;
  const keyOf =
    keyFields.length === 1
      ? (row: Row) => String(row[only!])
      : (row: Row) => keyFields.map((f) => String(row[f])).join('\u0000');
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}
