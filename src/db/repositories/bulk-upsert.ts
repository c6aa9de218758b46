import type { Attributes, CreationAttributes, Model, ModelStatic } from 'sequelize';
import { engineOfConnection } from '../connection.js';
import { runDriverWrites } from '../driver-statement.js';
import type { QueryOptions } from './query-options.js';
import { planUpsert, type UpsertSpec } from './upsert-plan.js';
import { buildUpsertSql } from './upsert-statement.js';

export type { UpsertSpec } from './upsert-plan.js';

/**
 * Rows per INSERT … ON CONFLICT/ON DUPLICATE KEY statement: well under MySQL's packet limit
 * (16 MiB by default) even with every text column at Instagram's 2,200-character limit.
 */
export const UPSERT_CHUNK_SIZE = 500;

/**
 * Inserts `rows` or updates the stored ones with the same key, one multi-row statement per
 * chunk, and returns how many distinct rows were written. Values are stored as Sequelize's
 * `bulkCreate` stored them (upsert-columns.ts); `createdAt` and `updatedAt` are now where a
 * row has none, and `createdAt` is never overwritten. Duplicate keys within `rows` collapse
 * to the last one, and rows go in key order so that concurrent writers take InnoDB locks in
 * the same order. Without a caller's transaction, a write runs in a transaction of its own,
 * except one statement on MySQL (`runDriverWrites`).
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
  await runDriverWrites(
    sequelize,
    options.transaction,
    unique.length <= UPSERT_CHUNK_SIZE,
    function* () {
      for (let i = 0; i < unique.length; i += UPSERT_CHUNK_SIZE) {
        const chunk = unique.slice(i, i + UPSERT_CHUNK_SIZE);
        yield buildUpsertSql(engine, plan.shape, chunk.map(plan.tupleOf));
      }
    },
  );
  return unique.length;
}

type Row = Record<string, unknown>;

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
