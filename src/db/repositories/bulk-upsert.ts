import {
  QueryTypes,
  type Attributes,
  type CreationAttributes,
  type Model,
  type ModelStatic,
  type Transaction,
} from 'sequelize';
import {
  engineOfConnection,
  writeStatement,
  writeTransaction,
  type Engine,
} from '../connection.js';
import type { QueryOptions } from './query-options.js';
import { upsertColumnsOf, type UpsertColumn } from './upsert-columns.js';
import { buildUpsertSql, sqlLiteral, type UpsertShape } from './upsert-statement.js';

/**
 * Rows per INSERT … ON CONFLICT/ON DUPLICATE KEY statement: well under MySQL's packet limit
 * (16 MiB by default) even with every text column at Instagram's 2,200-character limit.
 */
export const UPSERT_CHUNK_SIZE = 500;

export interface UpsertKeys<M extends Model> {
  /** The primary key: the row's identity (Instagram ids). */
  conflict: (keyof Attributes<M>)[];
  /** Columns overwritten when the row exists; everything else keeps its stored value. */
  update: (keyof Attributes<M>)[];
}

/**
 * Inserts `rows` or updates the stored ones with the same key, one multi-row statement per
 * chunk, and returns how many distinct rows were written. Values are stored as Sequelize's
 * `bulkCreate` stored them (upsert-columns.ts); `createdAt` and `updatedAt` are now where a
 * row has none, and `createdAt` is never overwritten. Duplicate keys within `rows` collapse
 * to the last one, and rows go in key order so that concurrent writers take InnoDB locks in
 * the same order. Without a caller's transaction, a write of several chunks runs in its own.
 */
export async function bulkUpsert<M extends Model>(
  model: ModelStatic<M>,
  rows: readonly CreationAttributes<M>[],
  keys: UpsertKeys<M>,
  options: QueryOptions = {},
): Promise<number> {
  const unique = uniqueByKey(rows as readonly Row[], keys.conflict as string[]);
  if (unique.length === 0) return 0;
  const sequelize = model.sequelize;
  if (!sequelize) throw new Error(`model ${model.name} is not bound to a connection`);
  const engine = engineOfConnection(sequelize);
  const plan = planUpsert(model, engine, unique, keys);
  const escape = (value: unknown) => sqlLiteral(engine, value);
  const writeChunks = async (transaction: Transaction | undefined) => {
    for (let i = 0; i < unique.length; i += UPSERT_CHUNK_SIZE) {
      const chunk = unique.slice(i, i + UPSERT_CHUNK_SIZE);
      const sql = buildUpsertSql(engine, plan.shape, tuplesOf(chunk, plan, escape));
      await sequelize.query(sql, { type: QueryTypes.INSERT, transaction });
    }
  };
  if (options.transaction) {
    // The caller's transaction: a deadlock rolls it back whole, so the caller retries it.
    await writeChunks(options.transaction);
  } else if (unique.length <= UPSERT_CHUNK_SIZE) {
    await writeStatement(sequelize, () => writeChunks(undefined));
  } else {
    await writeTransaction(sequelize, writeChunks);
  }
  return unique.length;
}

type Row = Record<string, unknown>;

interface UpsertPlan {
  shape: UpsertShape;
  /** The columns of each row's values, in statement order. */
  columns: UpsertColumn[];
  /** Stored values of the timestamps, for rows that have none. */
  stamps: Map<string, unknown>;
}

/** The model's columns per connection, derived once. */
const columnsByModel = new WeakMap<ModelStatic<Model>, Map<string, UpsertColumn>>();

/**
 * The statement for `rows`, as `bulkCreate` built it: every attribute some row has a value
 * for (a row without one stores NULL there) plus the timestamps; updated on conflict, the
 * `update` attributes except `createdAt`.
 */
function planUpsert<M extends Model>(
  model: ModelStatic<M>,
  engine: Engine,
  rows: readonly Row[],
  keys: UpsertKeys<M>,
): UpsertPlan {
  let all = columnsByModel.get(model);
  if (!all) {
    all = upsertColumnsOf(model, engine);
    columnsByModel.set(model, all);
  }
  const known = all;
  const fieldOf = (attribute: string) => {
    const column = known.get(attribute);
    if (!column) throw new Error(`${model.tableName} has no attribute ${attribute}`);
    return column.field;
  };
  const { createdAt, updatedAt } = timestampAttributes(model);
  const now = new Date();
  const stamps = new Map<string, unknown>();
  for (const name of [createdAt, updatedAt]) {
    const column = name === undefined ? undefined : known.get(name);
    if (column) stamps.set(column.attribute, column.encode(now));
  }
  const columns = [...known.values()].filter(
    (c) => stamps.has(c.attribute) || rows.some((row) => row[c.attribute] !== undefined),
  );
  const update = (keys.update as string[]).filter((a) => a !== createdAt).map(fieldOf);
  return {
    shape: {
      table: model.tableName,
      columns: columns.map((c) => c.field),
      conflict: (keys.conflict as string[]).map(fieldOf),
      update,
    },
    columns,
    stamps,
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

/**
 * The chunk's rows as SQL tuples, values in the plan's column order, each escaped for the
 * engine. The values go into the statement's text here rather than as
 * Sequelize `replacements`: splicing those in meant tokenizing the whole statement to find
 * its `?`s, which cost a worker more CPU than building the rows.
 */
function tuplesOf(
  rows: readonly Row[],
  plan: UpsertPlan,
  escape: (value: unknown) => string,
): string[] {
  const values = new Array<string>(plan.columns.length);
  return rows.map((row) => {
    plan.columns.forEach((column, i) => {
      const value = row[column.attribute];
      // A falsy timestamp is filled in, as bulkCreate does.
      values[i] = escape(
        !value && plan.stamps.has(column.attribute)
          ? plan.stamps.get(column.attribute)
          : column.encode(value),
      );
    });
    return `(${values.join(',')})`;
  });
}

function uniqueByKey(rows: readonly Row[], keyFields: string[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    byKey.set(keyFields.map((f) => String(row[f])).join('\u0000'), row);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}
