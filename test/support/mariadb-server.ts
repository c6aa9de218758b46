import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { freePort } from './free-port.js';
import { serverProcess, type ServerProcess } from './server-process.js';

/** A MariaDB server of the test's own (never the shared one on 3306 other tests use). */
export interface PrivateMariadb extends ServerProcess {
  /** `mysql://root@127.0.0.1:<port>/test` (the database `test` exists). */
  url: string;
  /** Stops it and deletes its data directory. */
  destroy(): Promise<void>;
}

/**
 * Initialises a data directory in a temp folder and starts `mariadbd` on a free port of
 * 127.0.0.1 with no option files read (`--no-defaults`) and no grant checks, so root needs no
 * password. Running as root (as CI does) needs `--user=root`. Debian MariaDB 10.11.
 */
export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const dir = mkdtempSync(join(tmpdir(), 'igsync-mariadb-'));
  const datadir = join(dir, 'data');
  await promisify(execFile)('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${datadir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await freePort();
  const url = `mysql://root@127.0.0.1:${port}/test`;
  const answers = async () => {
    try {
      const conn = await mysql.createConnection(`mysql://root@127.0.0.1:${port}`);
      await conn.query('CREATE DATABASE IF NOT EXISTS test');
      await conn.end();
      return true;
    } catch {
      return false;
    }
  };
  const server = serverProcess(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--port=${port}`,
      `--socket=${join(dir, 'sock')}`,
      `--pid-file=${join(dir, 'pid')}`,
      '--bind-address=127.0.0.1',
      '--skip-grant-tables',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=64M',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ],
    join(dir, 'mariadbd.log'),
    answers,
  );
  await server.start();
  return {
    ...server,
    url,
    async destroy() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
