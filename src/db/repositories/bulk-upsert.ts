import {
  Transaction,
  type Attributes,
  type CreationAttributes,
  type Model,
  type ModelStatic,
} from 'sequelize';
import { retryingDeadlocks } from '../deadlock.retry.js';
import { inWriteTurn } from '../write-gate.js';
import type { QueryOptions } from './query-options.js';

/** Rows per INSERT … ON CONFLICT/ON DUPLICATE KEY statement: well under MySQL's packet limit. */
export const UPSERT_CHUNK_SIZE = 500;

export interface UpsertKeys<M extends Model> {
  /** The primary key: the row's identity (Instagram ids). */
  conflict: (keyof Attributes<M>)[];
  /** Columns overwritten when the row exists; everything else keeps its stored value. */
  update: (keyof Attributes<M>)[];
}

/**
 * Inserts `rows` or updates the stored ones with the same key, in chunks, and returns how many
 * distinct rows were written. Duplicate keys within `rows` collapse to the last one, and rows
 * go in key order so that concurrent writers take InnoDB locks in the same order.
 * Without a caller's transaction, a write of several chunks runs in its own (IMMEDIATE on
 * SQLite: the write lock is taken at BEGIN, not mid-way). Nothing is returned from the
 * statement itself: the ids bulkCreate reports after an upsert are wrong.
 */
export async function bulkUpsert<M extends Model>(
  model: ModelStatic<M>,
  rows: readonly CreationAttributes<M>[],
  keys: UpsertKeys<M>,
  options: QueryOptions = {},
): Promise<number> {
  const unique = uniqueByKey(rows, keys.conflict as string[]);
  if (unique.length === 0) return 0;
  const writeChunks = async (transaction: Transaction | undefined) => {
    for (let i = 0; i < unique.length; i += UPSERT_CHUNK_SIZE) {
      await model.bulkCreate(unique.slice(i, i + UPSERT_CHUNK_SIZE), {
        updateOnDuplicate: keys.update,
        conflictAttributes: keys.conflict,
        transaction,
      });
    }
  };
  const sequelize = model.sequelize;
  if (!sequelize) throw new Error(`model ${model.name} is not bound to a connection`);
  if (options.transaction) {
    // The caller's transaction: a deadlock rolls it back whole, so the caller retries it.
    await writeChunks(options.transaction);
  } else if (unique.length <= UPSERT_CHUNK_SIZE) {
    await retryingDeadlocks(() => inWriteTurn(sequelize, () => writeChunks(undefined)));
  } else {
    await retryingDeadlocks(() =>
      inWriteTurn(sequelize, () =>
        sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, writeChunks),
      ),
    );
  }
  return unique.length;
}

function uniqueByKey<T>(rows: readonly T[], keyFields: string[]): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    byKey.set(keyFields.map((f) => String(record[f])).join('\u0000'), row);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}
