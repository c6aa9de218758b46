/**
 * A fresh, empty database for one sync bench scenario: a new SQLite file in a temp folder, or
 * the MariaDB database `bench_sync` (BENCH_MYSQL_URL's server, default root@127.0.0.1:3306)
 * dropped and created. The service's API process migrates it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

export type BenchEngine = 'sqlite' | 'mariadb';

const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

export interface BenchDatabase {
  engine: BenchEngine;
  url: string;
  /** The service's DATA_DIR (its token key; the SQLite file too). */
  dir: string;
  drop(): Promise<void>;
}

async function recreate(name: string): Promise<string> {
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(MYSQL_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDatabase(
  engine: BenchEngine,
  name = 'bench_sync',
): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'igsync-bench-'));
  const url = engine === 'sqlite' ? `sqlite:${join(dir, `${name}.sqlite`)}` : await recreate(name);
  return {
    engine,
    url,
    dir,
    async drop() {
      if (engine === 'mariadb') {
        const admin = await mysql.createConnection(MYSQL_URL);
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The MariaDB server's version, or SQLite's label, for the report. */
export async function engineLabel(engine: BenchEngine): Promise<string> {
  if (engine === 'sqlite') return 'SQLite (file)';
  const admin = await mysql.createConnection(MYSQL_URL);
  const [rows] = await admin.query('SELECT VERSION() AS v');
  await admin.end();
  return `MariaDB ${(rows as Array<{ v: string }>)[0]?.v ?? '?'}`;
}
