import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { format as formatMysql } from 'mysql2';
import pLimit, { type LimitFunction } from 'p-limit';
import { Sequelize, Transaction, type Options } from 'sequelize';
import { retryingDeadlocks } from './deadlock.retry.js';
import { reuseSqliteConnections } from './sqlite-connection-reuse.js';
import { applySqlitePragmas } from './sqlite-pragmas.js';

export type Engine = 'sqlite' | 'mysql';

/** Which engine a DATABASE_URL names. */
export function engineOf(databaseUrl: string): Engine {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

/** Which engine an open connection talks to. */
export function engineOfConnection(sequelize: Sequelize): Engine {
  return sequelize.getDialect() === 'sqlite' ? 'sqlite' : 'mysql';
}

/**
 * A short id of the database (engine, host, port, name — never the password): processes on
 * the same database share Redis channels, other deployments on the same Redis do not.
 */
export function deploymentNamespace(databaseUrl: string): string {
  let identity = databaseUrl;
  if (engineOf(databaseUrl) === 'sqlite')
    identity = `sqlite:${resolve(databaseUrl.slice('sqlite:'.length))}`;
  else {
    const url = new URL(databaseUrl);
    identity = `mysql://${url.hostname}:${url.port || '3306'}${url.pathname}`;
  }
  return createHash('sha256').update(identity).digest('hex').slice(0, 12);
}

export interface ConnectOptions {
  /** Called with each SQL statement; off by default. */
  logSql?: (sql: string) => void;
  /** Connection pool size on MySQL. */
  poolMax?: number;
}

/** Prepared statements kept per MySQL connection (10 connections × 200 per process). */
const MAX_PREPARED_STATEMENTS = 200;

/**
 * Opens a Sequelize connection for `sqlite:<path>` or `mysql://…`, creating the SQLite file's
 * directory. SQLite runs in WAL mode with a busy timeout (sqlite-pragmas.ts) so that concurrent
 * writers (Sequelize gives each transaction a connection of its own, kept open for the next
 * ones: sqlite-connection-reuse.ts) wait instead of failing with SQLITE_BUSY.
 */
export async function openDatabase(
  databaseUrl: string,
  options: ConnectOptions = {},
): Promise<Sequelize> {
  const common: Options = {
    logging: options.logSql ?? false,
    define: { underscored: true, freezeTableName: true },
  };
  let sequelize: Sequelize;
  if (engineOf(databaseUrl) === 'sqlite') {
    const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    const storage = path === ':memory:' || path === '' ? ':memory:' : resolve(path);
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    sequelize = new Sequelize({
      ...common,
      dialect: 'sqlite',
      storage,
      retry: { match: [/SQLITE_BUSY/], max: 20 },
    });
    applySqlitePragmas(sequelize);
    reuseSqliteConnections(sequelize);
  } else {
    sequelize = new Sequelize(databaseUrl.replace(/^mariadb:/, 'mysql:'), {
      ...common,
      dialect: 'mysql',
      timezone: '+00:00',
      dialectOptions: {
        charset: 'utf8mb4',
        supportBigNumbers: true,
        bigNumberStrings: true,
        // mysql2 keeps every distinct statement prepared (16,000 per connection by default);
        // updates with an id list are distinct each time, and the server's limit for all
        // connections together is 16,382. The least recently used ones are closed instead.
        maxPreparedStatements: MAX_PREPARED_STATEMENTS,
        queryFormat: sqlAsSent,
      },
      pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000, acquire: 60_000 },
    });
    sequelize.addHook('afterConnect', async (connection: unknown) => {
      // READ COMMITTED takes no gap locks for searches: the range UPDATEs that mark unseen
      // rows deleted no longer lock out the inserts of other pages and accounts (deadlocks
      // at 4x the bench's data). Every write is a keyed upsert or a compare-and-set UPDATE,
      // which need no repeatable reads.
      const db = connection as { query(sql: string, cb: (err: Error | null) => void): void };
      await new Promise<void>((done, fail) =>
        db.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', (err) =>
          err ? fail(err) : done(),
        ),
      );
    });
  }
  await sequelize.authenticate();
  return sequelize;
}

/**
 * mysql2's formatting of a query: Sequelize sends finished SQL and never values, yet mysql2
 * scanned every statement in full for `?` placeholders to fill with none (1.4 CPU-s of a
 * worker's first sync, over bulk upserts of 500 rows a statement). Values, if ever given,
 * are formatted as mysql2 would.
 */
function sqlAsSent(this: unknown, sql: string, values: unknown, timezone?: string): string {
  if (!Array.isArray(values) || values.length === 0) return sql;
  return formatMysql(sql, values, false, timezone as '+00:00');
}

const writeTurns = new WeakMap<Sequelize, LimitFunction>();

/**
 * SQLite has one writer at a time, and a writer that waits for it sleeps in SQLite's busy
 * handler on one of libuv's four threads: four transactions waiting for the lock left no
 * thread for the one holding it, or for any other query of the process (a run job's lock
 * renewal among them), until busy timeouts expired. So on SQLite this process's writes take
 * turns here and at most one waits in SQLite. On MySQL it does nothing.
 */
function inWriteTurn<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  if (sequelize.getDialect() !== 'sqlite') return work();
  let turn = writeTurns.get(sequelize);
  if (!turn) {
    turn = pLimit(1);
    writeTurns.set(sequelize, turn);
  }
  return turn(work);
}

/**
 * Runs `work` as one write transaction of this connection: in its write turn (SQLite), IMMEDIATE
 * (SQLite takes the write lock at BEGIN rather than failing with SQLITE_BUSY mid-way), and
 * again from the start when MySQL picks it as a deadlock victim, so `work` must be safe to
 * repeat. Inside `work`, pass its transaction to every query: never start another write here.
 */
export function writeTransaction<T>(
  sequelize: Sequelize,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  return retryingDeadlocks(() =>
    inWriteTurn(sequelize, () =>
      sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, work),
    ),
  );
}

/** Runs one write statement outside any transaction, with {@link writeTransaction}'s turn and retry. */
export function writeStatement<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  return retryingDeadlocks(() => inWriteTurn(sequelize, work));
}
