import type { Attributes, Model, ModelStatic } from 'sequelize';
import { engineOfConnection } from '../connection.js';
import { runDriverWrites } from '../driver-statement.js';
import type { QueryOptions } from './query-options.js';
import { storedColumnOf, timestampAttributes } from './upsert-columns.js';
import { quoteIdentifier, sqlLiteral } from './upsert-statement.js';

/** What {@link updateByIds} writes: values all rows take, and one attribute set per id. */
export interface UpdateByIds<M extends Model> {
  set: Partial<Attributes<M>>;
  /** An attribute whose value differs per id (a `CASE` on the key); ids without one keep theirs. */
  perId?: { attribute: keyof Attributes<M>; values: ReadonlyMap<string, unknown> };
}

/**
 * `UPDATE … SET … WHERE id IN (…)` for the rows of `ids`, as one finished statement on the
 * driver's connection (values stored as the upserts store them, `updatedAt` now, as
 * `Model.update` sets it). The marks a sync leaves per page go this way: `Model.update`
 * clones its options, builds and validates an instance and formats dates with moment,
 * about a millisecond of the worker's thread for each (docs/DECISIONS.md). Without a
 * caller's transaction it runs as the upserts do (`runDriverWrites`).
 */
export async function updateByIds<M extends Model>(
  model: ModelStatic<M>,
  ids: readonly string[],
  update: UpdateByIds<M>,
  options: QueryOptions = {},
): Promise<void> {
  if (ids.length === 0) return;
  const sequelize = model.sequelize;
  if (!sequelize) throw new Error(`model ${model.name} is not bound to a connection`);
  const engine = engineOfConnection(sequelize);
  const column = (attribute: string) => storedColumnOf(model, engine, attribute);
  const key = quoteIdentifier(column(model.primaryKeyAttribute).field);
  const literalOf = (attribute: string, value: unknown) =>
    sqlLiteral(engine, column(attribute).encode(value));
  const assignments = Object.entries({ ...update.set, ...updatedNow(model) }).map(
    ([attribute, value]) =>
      `${quoteIdentifier(column(attribute).field)}=${literalOf(attribute, value)}`,
  );
  if (update.perId) {
    const attribute = update.perId.attribute as string;
    const field = quoteIdentifier(column(attribute).field);
    const whens = [...update.perId.values].map(
      ([id, value]) => `WHEN ${sqlLiteral(engine, id)} THEN ${literalOf(attribute, value)}`,
    );
    assignments.push(`${field}=CASE ${key} ${whens.join(' ')} ELSE ${field} END`);
  }
  const keys = ids.map((id) => sqlLiteral(engine, id)).join(',');
  const sql = `UPDATE ${quoteIdentifier(model.tableName)} SET ${assignments.join(',')} WHERE ${key} IN (${keys})`;
  await runDriverWrites(sequelize, options.transaction, true, () => [sql]);
}

/** `{ updatedAt: now }` when the model keeps an update stamp, as `Model.update` writes it. */
function updatedNow(model: ModelStatic<Model>): Record<string, Date> {
  const { updatedAt } = timestampAttributes(model);
  return updatedAt ? { [updatedAt]: new Date() } : {};
}
