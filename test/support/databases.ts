import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { Sequelize } from 'sequelize';
import { openDatabase, type Engine } from '../../src/db/connection.js';
import { migrateUp } from '../../src/db/migrator.js';

/** MariaDB/MySQL server the integration tests use; each test file gets its own database on it. */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** Engines the integration tests run on (`TEST_DB_ENGINES=sqlite` to run SQLite only). */
export const TEST_ENGINES: Engine[] = (process.env.TEST_DB_ENGINES ?? 'sqlite,mysql')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is Engine => e === 'sqlite' || e === 'mysql');

export interface TestDatabase {
  engine: Engine;
  url: string;
  sequelize: Sequelize;
  /**
   * The service's DATA_DIR for this database (where the generated token key goes): every
   * process on the same database must share it, or tokens one stored the other cannot read.
   */
  dataDir: string;
  /** Closes the connection and deletes the database (file or schema). */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on `engine`: a temporary SQLite file, or a new schema on the MariaDB
 * server, so that parallel test files (and parallel developers) never see each other's rows.
 * Migrations are applied unless `migrate: false`; `mysqlUrl` names another MariaDB server (a
 * test's own, see mariadb-server.ts).
 */
export async function createTestDatabase(
  engine: Engine,
  { migrate = true, mysqlUrl = TEST_MYSQL_URL } = {},
): Promise<TestDatabase> {
  let url: string;
  let cleanup: () => Promise<void>;
  const dataDir = mkdtempSync(join(tmpdir(), 'igsync-test-'));
  const removeDataDir = async () => rmSync(dataDir, { recursive: true, force: true });
  if (engine === 'sqlite') {
    url = `sqlite:${join(dataDir, 'test.sqlite')}`;
    cleanup = removeDataDir;
  } else {
    const name = `igsync_t_${randomBytes(6).toString('hex')}`;
    const admin = await mysql.createConnection(mysqlUrl);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    const base = new URL(mysqlUrl);
    base.pathname = `/${name}`;
    url = base.toString();
    cleanup = async () => {
      const conn = await mysql.createConnection(mysqlUrl);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      await removeDataDir();
    };
  }
  const sequelize = await openDatabase(url);
  if (migrate) await migrateUp(sequelize);
  return {
    engine,
    url,
    sequelize,
    dataDir,
    async drop() {
      await sequelize.close();
      await cleanup();
    },
  };
}
