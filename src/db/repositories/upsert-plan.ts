import type { Attributes, Model, ModelStatic } from 'sequelize';
import type { Engine } from '../connection.js';
import { storedColumnOf, storedColumnsOf, timestampAttributes } from './upsert-columns.js';
import { sqlLiteral, type UpsertShape } from './upsert-statement.js';

type Row = Record<string, unknown>;

/** What an upsert takes besides its rows. */
export interface UpsertSpec<M extends Model, S extends keyof Attributes<M> = never> {
  /** The primary key: the row's identity (Instagram ids). */
  conflict: (keyof Attributes<M>)[];
  /** Columns overwritten when the row exists; everything else keeps its stored value. */
  update: (keyof Attributes<M>)[];
  /** Values every row of the write takes (a page's `lastSeenAt`), over what a row has. */
  shared?: Pick<Attributes<M>, S>;
}

/** How one write's rows become statements. */
export interface UpsertPlan {
  shape: UpsertShape;
  /**
   * A row as an SQL tuple `(…)`: its stored values (upsert-columns.ts) in the shape's column
   * order, each escaped for the engine. The values go into the statement's text rather than
   * as Sequelize `replacements`, which meant tokenizing the whole statement to find its `?`s.
   */
  tupleOf: (row: Row) => string;
}

/**
 * The statement for `rows`, as `bulkCreate` built it: every attribute some row (or `shared`)
 * has a value for (a row without one stores NULL there) plus the timestamps; updated on
 * conflict, the `update` attributes except `createdAt`. Each column's value is worked out by
 * a function planned once: a shared value once for all rows, a repeated instant once.
 */
export function planUpsert<M extends Model, S extends keyof Attributes<M>>(
  model: ModelStatic<M>,
  engine: Engine,
  rows: readonly Row[],
  spec: UpsertSpec<M, S>,
): UpsertPlan {
  const known = storedColumnsOf(model, engine);
  const fieldOf = (attribute: string) => storedColumnOf(model, engine, attribute).field;
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
  const stored = columns.map((column): ((row: Row) => unknown) => {
    const { attribute } = column;
    if (attribute in shared) {
      const value = column.encode(shared[attribute]);
      return () => value;
    }
    const encode = memoizedDates(column.encode);
    if (!stamps.has(attribute)) return (row) => encode(row[attribute]);
    // A falsy timestamp is filled in, as bulkCreate does.
    const stamp = column.encode(now);
    return (row) => (row[attribute] ? encode(row[attribute]) : stamp);
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
      for (let i = 0; i < stored.length; i++) {
        tuple += (i > 0 ? ',' : '') + sqlLiteral(engine, stored[i]!(row));
      }
      return `${tuple})`;
    },
  };
}

/**
 * `encode`, remembering its last Date: rows of one write share their stamps (seen at,
 * fetched at), and formatting the same instant once per row was a good part of building them.
 */
function memoizedDates(encode: (value: unknown) => unknown): (value: unknown) => unknown {
  let lastTime = Number.NaN;
  let lastValue: unknown;
  return (value) => {
    if (!(value instanceof Date)) return encode(value);
    const time = value.getTime();
    if (time !== lastTime) {
      lastValue = encode(value);
      lastTime = time;
    }
    return lastValue;
  };
}
