import type { Sequelize } from 'sequelize';

/** Connections kept open for the next transactions: this process writes one at a time. */
const IDLE_LIMIT = 4;

interface SqliteConnection {
  uuid?: string;
  filename: string;
  run(sql: string, done: (error: Error | null) => void): void;
  close(done?: (error: Error | null) => void): void;
}

interface SqliteConnectionManager {
  connections: Record<string, SqliteConnection>;
  getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection, force?: boolean): void;
  destroyConnection(connection: SqliteConnection): Promise<void>;
  _onProcessExit(): Promise<void>;
}

/**
 * Keeps the connections of ended transactions open for the next ones. Sequelize's SQLite
 * dialect opens a new database connection for every transaction and closes it at the end:
 * opening the file, reading its schema and running the pragmas cost a transaction 1.4 ms
 * against 0.2 ms for its statements, and a sync runs thousands of them. A connection goes
 * back only once a ROLLBACK has found no transaction open on it (SQLite: "no transaction is
 * active"): one still inside a transaction is closed, which rolls that back. A connection
 * Sequelize gives up on (a failed COMMIT or ROLLBACK) is closed at once. Idle connections are closed with Sequelize's (its
 * `close()` ends in `_onProcessExit`).
 */
export function reuseSqliteConnections(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as SqliteConnectionManager;
  const open = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  const closeAll = manager._onProcessExit.bind(manager);
  const idle: SqliteConnection[] = [];
  let closed = false;

  manager.getConnection = async (options) => {
    const uuid = options?.uuid;
    const reused =
      uuid && uuid !== 'default' && !manager.connections[uuid] ? idle.pop() : undefined;
    if (!reused) return open(options);
    manager.connections[uuid!] = reused;
    return reused;
  };
  manager.releaseConnection = (connection, force) => {
    // An in-memory database has one connection for everything, never closed.
    if (!connection.uuid || force || connection.filename === ':memory:') {
      return release(connection, force);
    }
    delete manager.connections[connection.uuid];
    delete connection.uuid;
    connection.run('ROLLBACK', (error) => {
      const clean = error !== null && /no transaction is active/.test(error.message);
      // Once Sequelize closed, a connection released after it is closed too, not kept idle.
      if (clean && !closed && idle.length < IDLE_LIMIT) idle.push(connection);
      // An error closing is one ROLLBACK just gave (the connection is gone already): without
      // a callback node-sqlite3 would throw it, uncaught.
      else connection.close(() => undefined);
    });
  };
  // Sequelize "kills" the connection of a transaction whose COMMIT or ROLLBACK failed through
  // its pool, which SQLite's dialect does not have: the connection stayed open inside its
  // transaction, holding the write lock, and every later write of the process waited for it.
  manager.destroyConnection = async (connection) => {
    if (connection.uuid) delete manager.connections[connection.uuid];
    await new Promise<void>((done) => connection.close(() => done()));
  };
  manager._onProcessExit = async () => {
    closed = true;
    const closing = idle
      .splice(0)
      .map((connection) => new Promise<void>((done) => connection.close(() => done())));
    await Promise.all(closing);
    await closeAll();
  };
}
