import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Sequelize, type Options } from 'sequelize';

export type Engine = 'sqlite' | 'mysql';

/** Which engine a DATABASE_URL names. */
export function engineOf(databaseUrl: string): Engine {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'mysql';
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

/**
 * Opens a Sequelize connection for `sqlite:<path>` or `mysql://…`, creating the SQLite file's
 * directory. SQLite runs in WAL mode with a busy timeout so that concurrent writers (Sequelize
 * opens a new connection per transaction) wait instead of failing with SQLITE_BUSY.
 */
/** Prepared statements kept per MySQL connection (10 connections × 200 per process). */
const MAX_PREPARED_STATEMENTS = 200;

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
    sequelize.addHook('afterConnect', async (connection: unknown) => {
      const db = connection as { exec(sql: string, cb: (err: Error | null) => void): void };
      await new Promise<void>((done, fail) =>
        db.exec(
          'PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 15000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;',
          (err) => (err ? fail(err) : done()),
        ),
      );
    });
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
