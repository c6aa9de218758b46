import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisBackend } from '@agendajs/redis-backend';
import type { AgendaBackend } from 'agenda';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { createAgendaSchema, SequelizeBackend } from '@instagram-sync/agenda-sequelize-backend';
import { openDatabase } from '../test/support/open-database.js';

/** Name of the benchmark's no-op job. */
export const BENCH_JOB = 'bench-noop';

/** What a benchmark worker process tells the parent. */
export type BenchWorkerMessage =
  { type: 'ready' } | { type: 'locked'; count: number } | { type: 'completed' };

/** Where a benchmarked job store lives; passed to worker processes as JSON. */
export type StoreSpec =
  | { kind: 'sqlite'; url: string }
  | { kind: 'mysql'; url: string }
  | { kind: 'redis'; url: string; prefix: string };

export type StoreKind = StoreSpec['kind'];

/** A connected backend over a store, and how to let go of it. */
export interface OpenStore {
  backend: AgendaBackend;
  close(): Promise<void>;
}

/** Connects to a store: our Sequelize backend for SQL, the official backend for Redis. */
export async function openStore(spec: StoreSpec): Promise<OpenStore> {
  if (spec.kind === 'redis') {
    const backend = new RedisBackend({
      connectionString: spec.url,
      keyPrefix: spec.prefix,
      channelName: `${spec.prefix}notifications`,
    });
    await backend.connect();
    return { backend, close: () => backend.disconnect() };
  }
  const sequelize = await openDatabase(spec.url, { poolMax: 10 });
  const backend = new SequelizeBackend({ sequelize });
  await backend.connect();
  return { backend, close: () => sequelize.close() };
}

/** A fresh, empty store for one benchmark run, with its label and server version. */
export interface BenchStore {
  spec: StoreSpec;
  label: string;
  drop(): Promise<void>;
}

const suffix = () => randomBytes(4).toString('hex');

export async function createStore(
  kind: StoreKind,
  urls: { mysql: string; redis: string },
): Promise<BenchStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'igsync-bench-'));
    const spec: StoreSpec = { kind, url: `sqlite:${join(dir, 'jobs.sqlite')}` };
    const sequelize = await openDatabase(spec.url);
    await createAgendaSchema(sequelize);
    const [row] = await sequelize.query<{ v: string }>('SELECT sqlite_version() AS v', {
      type: QueryTypes.SELECT,
    });
    await sequelize.close();
    const drop = async () => rmSync(dir, { recursive: true, force: true });
    return { spec, label: `SequelizeBackend · SQLite ${row?.v} (file, WAL)`, drop };
  }
  if (kind === 'mysql') {
    const name = `igsync_bench_${suffix()}`;
    const admin = await mysql.createConnection(urls.mysql);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    const [[server]] = (await admin.query(
      'SELECT VERSION() AS v, @@innodb_flush_log_at_trx_commit AS flush',
    )) as unknown as [[{ v: string; flush: number }]];
    await admin.end();
    const url = new URL(urls.mysql);
    url.pathname = `/${name}`;
    const spec: StoreSpec = { kind, url: url.toString() };
    const sequelize = await openDatabase(spec.url);
    await createAgendaSchema(sequelize);
    await sequelize.close();
    const drop = async () => {
      const conn = await mysql.createConnection(urls.mysql);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
    const label = `SequelizeBackend · MariaDB/MySQL ${server.v} (innodb_flush_log_at_trx_commit=${server.flush})`;
    return { spec, label, drop };
  }
  const spec: StoreSpec = { kind, url: urls.redis, prefix: `igsync_bench_${suffix()}:` };
  const redis = new Redis(urls.redis);
  const info = await redis.info('server');
  redis.disconnect();
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
  const drop = async () => {
    const client = new Redis(urls.redis);
    const keys = await client.keys(`${spec.prefix}*`);
    if (keys.length > 0) await client.del(...keys);
    client.disconnect();
  };
  return { spec, label: `@agendajs/redis-backend 3.0.7 · Redis ${version}`, drop };
}
