import type { Model, ModelStatic } from 'sequelize';
import type { Engine } from '../connection.js';
import { toStoredBoolean, toStoredDateOnly, toStoredDateTime } from './row-values.js';

/** One column of an upsert: the model attribute it comes from and how its value is stored. */
export interface UpsertColumn {
  attribute: string;
  field: string;
  encode: (value: unknown) => unknown;
}

interface AttributeType {
  key?: string;
  options?: { length?: number | string };
}

/** The model's columns per connection, derived once (a model is bound to one connection). */
const columnsByModel = new WeakMap<ModelStatic<Model>, Map<string, UpsertColumn>>();

/** {@link upsertColumnsOf}, derived once per model. */
export function storedColumnsOf(
  model: ModelStatic<Model>,
  engine: Engine,
): Map<string, UpsertColumn> {
  let known = columnsByModel.get(model);
  if (!known) {
    known = upsertColumnsOf(model, engine);
    columnsByModel.set(model, known);
  }
  return known;
}

/** The stored column of `attribute`; an attribute the model lacks is a programming error. */
export function storedColumnOf(
  model: ModelStatic<Model>,
  engine: Engine,
  attribute: string,
): UpsertColumn {
  const column = storedColumnsOf(model, engine).get(attribute);
  if (!column) throw new Error(`${model.tableName} has no attribute ${attribute}`);
  return column;
}

/** The model's timestamp attributes, when it keeps them (Sequelize's `timestamps` options). */
export function timestampAttributes(model: ModelStatic<Model>): {
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
 * The model's columns, as Sequelize would store them on `engine`: DATE as text in UTC with
 * milliseconds when the column has them (SQLite with ` +00:00`), DATEONLY as `YYYY-MM-DD`,
 * BOOLEAN as 1/0, everything else as given. Derived from the model, never listed per table.
 */
export function upsertColumnsOf<M extends Model>(
  model: ModelStatic<M>,
  engine: Engine,
): Map<string, UpsertColumn> {
  const columns = new Map<string, UpsertColumn>();
  for (const [attribute, definition] of Object.entries(model.getAttributes())) {
    const field = definition.field ?? attribute;
    const encode = encoderFor(
      definition.type as AttributeType,
      engine,
      `${model.tableName}.${field}`,
    );
    columns.set(attribute, { attribute, field, encode });
  }
  return columns;
}

function encoderFor(type: AttributeType, engine: Engine, column: string): (v: unknown) => unknown {
  const orNull = (write: (v: unknown) => unknown) => (v: unknown) =>
    v === null || v === undefined ? null : write(v);
  switch (type.key) {
    case 'DATE': {
      const fractional = engine === 'sqlite' || Boolean(type.options?.length);
      return orNull((v) => toStoredDateTime(v, engine, fractional, column));
    }
    case 'DATEONLY':
      return orNull((v) => toStoredDateOnly(v, column));
    case 'BOOLEAN':
      return orNull(toStoredBoolean);
    default:
      return (v) => (v === undefined ? null : v);
  }
}
