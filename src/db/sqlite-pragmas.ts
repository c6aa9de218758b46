import type { Sequelize } from 'sequelize';

/**
 * What every SQLite connection of the process runs first: WAL (readers never wait for the
 * writer, one fsync per checkpoint rather than per commit), a busy timeout so that a writer
 * waits for the lock instead of failing with SQLITE_BUSY, foreign keys, and `synchronous =
 * NORMAL` (safe in WAL: a power cut may lose the last commits, never corrupt the file).
 */
export const SQLITE_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 15000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;';

interface SqliteConnection {
  exec(sql: string, done: (error: Error | null) => void): void;
}

interface SqliteConnectionManager {
  getConnection(options?: unknown): Promise<SqliteConnection>;
}

/**
 * Runs {@link SQLITE_PRAGMAS} on each connection Sequelize opens. Sequelize's SQLite dialect
 * opens one per transaction besides its default one, and never runs `afterConnect` hooks for
 * any of them (its `getConnection` skips the hook), so the pragmas go in there.
 */
export function applySqlitePragmas(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as SqliteConnectionManager;
  const open = manager.getConnection.bind(manager);
  const ready = new WeakSet<SqliteConnection>();
  manager.getConnection = async (options) => {
    const connection = await open(options);
    if (!ready.has(connection)) {
      await new Promise<void>((done, fail) =>
        connection.exec(SQLITE_PRAGMAS, (error) => (error ? fail(error) : done())),
      );
      ready.add(connection);
    }
    return connection;
  };
}
