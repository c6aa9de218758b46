import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { serverProcess, type ServerProcess } from './server-process.js';

/** A redis-server of the test's own, on its own port, persisting nothing. */
export interface PrivateRedis extends ServerProcess {
  url: string;
  /** Stops it and deletes its folder. */
  destroy(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'igsync-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const answers = async () => {
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };
  const server = serverProcess(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    join(dir, 'redis.log'),
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
