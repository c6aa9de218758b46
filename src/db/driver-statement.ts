import type { Sequelize, Transaction } from 'sequelize';
import { engineOfConnection, writeStatement, writeTransaction } from './connection.js';

interface DriverError extends Error {
  errno?: number;
  code?: string;
}

type Done = (error: DriverError | null) => void;

/**
 * mysql2's `query` and node-sqlite3's `exec`: one statement, its outcome to a callback. On
 * SQLite, `exec` prepares and runs the statement in one task on libuv's threads, where `run`
 * takes two (prepare, then step), each ending with a callback that waits for a main thread
 * busy parsing pages — while the process's write turn is held: (writes) on SQLite stored
 * 10–12 % more comment rows a second.
 */
interface MysqlConnection {
  query(sql: string, done: Done): unknown;
}
interface SqliteConnection {
  exec(sql: string, done: Done): unknown;
}

/**
 * Runs one finished write statement (values already in its text) on the driver's own
 * connection: the transaction's, or one taken from Sequelize's pool for the statement.
 * Sequelize's `query` lower-cases the whole text several times over to learn what kind of
 * statement it runs; for a 500-row upsert of comments that was a third of a megabyte a time,
 * and most of the worker's garbage. The statement is logged as Sequelize logs its own when
 * logging is on. A failure keeps the driver's message, `errno` and `code` (deadlock retries
 * read them), never the statement and its rows.
 */
export async function runDriverStatement(
  sequelize: Sequelize,
  sql: string,
  transaction: Transaction | undefined,
): Promise<void> {
  const log = (sequelize as unknown as { options: { logging?: unknown } }).options.logging;
  const held = transaction as unknown as { id?: string; connection?: object } | undefined;
  if (typeof log === 'function') log(`Executing (${held?.id ?? 'default'}): ${sql}`);
  const mysql = engineOfConnection(sequelize) === 'mysql';
  if (held?.connection) return send(mysql, held.connection, sql);
  const manager = sequelize.connectionManager;
  const connection = await manager.getConnection({ type: 'write' });
  try {
    await send(mysql, connection, sql);
  } finally {
    manager.releaseConnection(connection);
  }
}

/**
 * Runs finished write statements on the driver's connections: in the caller's transaction
 * when there is one (a deadlock rolls it back whole, so the caller retries it); else a single
 * statement on MySQL on its own, with the deadlock retry; else in a write transaction of its
 * own, because on SQLite BEGIN IMMEDIATE waits out (and retries) another process's write lock,
 * which a statement on the driver's connection would not. `statements` is read as they run.
 */
export async function runDriverWrites(
  sequelize: Sequelize,
  transaction: Transaction | undefined,
  single: boolean,
  statements: () => Iterable<string>,
): Promise<void> {
  const runAll = async (within: Transaction | undefined) => {
    for (const sql of statements()) await runDriverStatement(sequelize, sql, within);
  };
  if (transaction) await runAll(transaction);
  else if (single && engineOfConnection(sequelize) === 'mysql') {
    await writeStatement(sequelize, () => runAll(undefined));
  } else await writeTransaction(sequelize, runAll);
}

function send(mysql: boolean, connection: object, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done: Done = (error) => (error ? reject(withoutStatement(error)) : resolve());
    if (mysql) (connection as MysqlConnection).query(sql, done);
    else (connection as SqliteConnection).exec(sql, done);
  });
}

/** The driver's error without the statement mysql2 attaches to it. */
function withoutStatement(error: DriverError): DriverError {
  const clean: DriverError = new Error(error.message);
  if (error.errno !== undefined) clean.errno = error.errno;
  if (error.code !== undefined) clean.code = error.code;
  return clean;
}
