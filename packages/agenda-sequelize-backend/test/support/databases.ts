import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { Sequelize } from 'sequelize';
import { createAgendaSchema } from '@instagram-sync/agenda-sequelize-backend';
import { openDatabase, type Engine } from './open-database.js';

/** MariaDB/MySQL server the tests use; each test file gets its own database on it. */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** Engines the tests run on (`TEST_DB_ENGINES=sqlite` to run SQLite only). */
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

/** A temporary SQLite file, or a new utf8mb4 schema on the test server; and how to delete it. */
async function createEmptyDatabase(
  engine: Engine,
): Promise<{ url: string; remove(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-sequelize-test-'));
    return {
      url: `sqlite:${join(dir, 'jobs.sqlite')}`,
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `agenda_t_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection(TEST_MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(TEST_MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async remove() {
      const conn = await mysql.createConnection(TEST_MYSQL_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/**
 * A fresh database on `engine`, so that parallel test files never see each other's rows, with
 * the default Agenda tables created by the backend's own `createAgendaSchema` unless
 * `schema: false`.
 */
export async function createTestDatabase(
  engine: Engine,
  { schema = true } = {},
): Promise<TestDatabase> {
  const { url, remove } = await createEmptyDatabase(engine);
  const sequelize = await openDatabase(url);
  if (schema) await createAgendaSchema(sequelize);
  return {
    engine,
    url,
    sequelize,
    async drop() {
      await sequelize.close();
      await remove();
    },
  };
}
