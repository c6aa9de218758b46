import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerMessage } from './worker.js';

const REGISTER = fileURLToPath(new URL('./ts-register.mjs', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** A spawned `worker.ts` process and the moments the tests wait for. */
export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  /** Agenda started and its first scan is over. */
  ready: Promise<void>;
  /** The worker hangs in a `block` job (id given) and waits to be killed. */
  blocked: Promise<{ worker: WorkerProcess; jobId: string }>;
  /** Id of the first job it finished. */
  ran: Promise<string>;
  exited: Promise<void>;
}

/**
 * Starts a worker in its own Node process (plain `node`, TypeScript loaded through the hooks
 * in ts-hooks.mjs). Its stdout/stderr go to the test output.
 */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', REGISTER, WORKER], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const message = <T>(pick: (m: WorkerMessage) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      child.on('message', (m: WorkerMessage) => {
        const value = pick(m);
        if (value !== undefined) resolve(value);
      });
      void exited.then(() => reject(new Error(`worker ${env.WORKER_NAME} exited`)));
    });
  const worker: WorkerProcess = {
    name: env.WORKER_NAME ?? 'worker',
    child,
    exited,
    ready: message((m) => (m.type === 'ready' ? true : undefined)).then(() => {}),
    blocked: message((m) => (m.type === 'blocked' ? { worker, jobId: m.jobId } : undefined)),
    ran: message((m) => (m.type === 'ran' ? m.jobId : undefined)),
  };
  // Unobserved rejections (a worker that never blocks, say) must not fail the test run.
  for (const p of [worker.ready, worker.blocked, worker.ran]) p.catch(() => {});
  return worker;
}

/** Asks each live worker to stop gracefully, and kills any that has not exited within 10 s. */
export async function stopWorkers(workers: WorkerProcess[]): Promise<void> {
  await Promise.all(
    workers.map(async (worker) => {
      if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
      worker.child.send({ type: 'stop' });
      const timer = setTimeout(() => worker.child.kill('SIGKILL'), 10_000);
      await worker.exited;
      clearTimeout(timer);
    }),
  );
}
