import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REGISTER = fileURLToPath(new URL('./ts-register.mjs', import.meta.url));
const SERVICE = fileURLToPath(new URL('./service-process.ts', import.meta.url));

/** The service in its own process (test/support/service-process.ts). */
export interface ServiceProcess {
  /** What its rows' `worker` column contains (host:pid:role-…). */
  tag: string;
  /** Resolves with its URL (its API, or a worker's health server) once it has started. */
  ready: Promise<string>;
  /** Its memory usage after several garbage collections (needs `--expose-gc` in `nodeFlags`). */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** SIGKILL (nothing runs after it: no checkpoint, no hand-over) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful stop, as an orchestrator sends) and resolves with the exit code. */
  terminate(): Promise<number | null>;
}

/** The service process as a sync worker, for tests that SIGKILL one. */
export type WorkerProcess = ServiceProcess;

/**
 * Spawns the service with `env` on top of this process's environment: DATABASE_URL, DATA_DIR
 * and IG_GRAPH_API_URL at least, ROLE defaults to worker (see service-process.ts for the rest).
 */
export function spawnServiceProcess(
  env: Record<string, string>,
  nodeFlags: string[] = [],
): ServiceProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', REGISTER, SERVICE], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [word, url] = line.split(' ');
      if (word === 'ready') resolve(url!);
    });
    void exited.then(() => reject(new Error('the service process exited before it was ready')));
  });
  ready.catch(() => {});
  return {
    tag: `:${child.pid}:${env.ROLE ?? 'worker'}-`,
    ready,
    memory() {
      return new Promise((resolve) => {
        const onMessage = (message: { memory?: NodeJS.MemoryUsage }) => {
          if (!message.memory) return;
          child.off('message', onMessage);
          resolve(message.memory);
        };
        child.on('message', onMessage);
        child.send('memory');
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async terminate() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A sync worker in its own process. */
export function spawnSyncWorker(env: Record<string, string>): WorkerProcess {
  return spawnServiceProcess({ ...env, ROLE: 'worker' });
}
