/**
 * The real service as separate processes for the sync bench: one API process (ROLE=api) and
 * N workers (ROLE=worker), or one ROLE=all process. Each is `node service-entry.js` with the
 * bench's environment; its peak resident memory is read from /proc before it stops.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_NODE_OPTIONS } from '../../src/config/node-options.js';

const ENTRY = fileURLToPath(new URL('./service-entry.js', import.meta.url));

export interface ServiceLayout {
  /** 0: one ROLE=all process; otherwise an API process and this many workers. */
  workers: number;
  env: Record<string, string>;
  logDir: string;
}

export interface ProcessMemory {
  role: string;
  /** Peak resident set (VmHWM) so far, in MiB. */
  peakMb: number;
}

export interface ServiceProcesses {
  url: string;
  /** Each process's peak RSS so far (VmHWM never goes down). */
  peakMemory(): ProcessMemory[];
  /** Each process's role and pid. */
  pids: ReadonlyArray<{ role: string; pid?: number }>;
  stop(): Promise<void>;
}

/** VmHWM of a live process, in MiB (0 when /proc has no such process). */
function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

function spawnOne(role: string, name: string, layout: ServiceLayout) {
  // BENCH_CPU_PROF=<dir>: each service process writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF;
  const child = fork(ENTRY, [], {
    execArgv: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    env: {
      ...process.env,
      // As `npm start` and the image run it; none of the bench's own.
      NODE_OPTIONS: DEFAULT_NODE_OPTIONS,
      PORT: '0',
      ...layout.env,
      ROLE: role,
      BENCH_LOG_FILE: join(layout.logDir, `${name}.log`),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<string | null>((resolve, reject) => {
    child.on('message', (message: { ready?: string | null }) => {
      if (message && 'ready' in message) resolve(message.ready ?? null);
    });
    void exited.then(() => reject(new Error(`service process ${name} exited before ready`)));
  });
  return { role: name, child, exited, ready };
}

async function stopOne(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the API first (it migrates the database), then the workers; resolves once all are up. */
export async function startServiceProcesses(layout: ServiceLayout): Promise<ServiceProcesses> {
  const api = spawnOne(
    layout.workers === 0 ? 'all' : 'api',
    layout.workers === 0 ? 'all' : 'api',
    layout,
  );
  const url = await api.ready;
  if (!url) throw new Error('the API process reported no URL');
  const workers = Array.from({ length: layout.workers }, (_, i) =>
    spawnOne('worker', `worker-${i + 1}`, layout),
  );
  await Promise.all(workers.map((w) => w.ready));
  const all = [api, ...workers];
  return {
    url,
    peakMemory: () => all.map((p) => ({ role: p.role, peakMb: peakRssMb(p.child.pid) })),
    pids: all.map((p) => ({ role: p.role, pid: p.child.pid })),
    async stop() {
      // Workers first: the API process owns nothing they need to hand over.
      await Promise.all(workers.map((w) => stopOne(w.child, w.exited)));
      await stopOne(api.child, api.exited);
    },
  };
}
