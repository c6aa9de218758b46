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
  /** Closes the connection and deletes the database (file or schema). */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on `engine`: a temporary SQLite file, or a new schema on the MariaDB
 * server, so that parallel test files (and parallel developers) never see each other's rows.
 * Migrations are applied unless `migrate: false`.
 */
export async function createTestDatabase(
  engine: Engine,
  { migrate = true } = {},
): Promise<TestDatabase> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'igsync-test-'));
    url = `sqlite:${join(dir, 'test.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `igsync_t_${randomBytes(6).toString('hex')}`;
    const admin = await mysql.createConnection(TEST_MYSQL_URL);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    const base = new URL(TEST_MYSQL_URL);
    base.pathname = `/${name}`;
    url = base.toString();
    cleanup = async () => {
      const conn = await mysql.createConnection(TEST_MYSQL_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  }
  const sequelize = await openDatabase(url);
  if (migrate) await migrateUp(sequelize);
  return {
    engine,
    url,
    sequelize,
    async drop() {
      await sequelize.close();
      await cleanup();
    },
  };
}
