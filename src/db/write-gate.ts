import pLimit, { type LimitFunction } from 'p-limit';
import type { Sequelize } from 'sequelize';

const gates = new WeakMap<Sequelize, LimitFunction>();

/**
 * SQLite has one writer at a time, and a writer that waits for it sleeps in SQLite's busy
 * handler on one of libuv's four threads: four transactions waiting for the lock left no
 * thread for the one holding it, or for any other query of the process (a run job's lock
 * renewal among them), until busy timeouts expired. So on SQLite this process's write
 * transactions take turns here and at most one waits in SQLite. On MySQL it does nothing.
 * Never call a gated write from inside a gated one: pass its transaction instead.
 */
export function inWriteTurn<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  if (sequelize.getDialect() !== 'sqlite') return work();
  let gate = gates.get(sequelize);
  if (!gate) {
    gate = pLimit(1);
    gates.set(sequelize, gate);
  }
  return gate(work);
}
