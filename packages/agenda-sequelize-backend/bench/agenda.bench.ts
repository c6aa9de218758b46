/**
 * `npm run bench -- agenda [--jobs 1000] [--workers 2] [--rounds 3] [--stores sqlite,mysql,redis]`
 * from the repository root, or `npm run bench -- [options]` in this package.
 *
 * Jobs locked and run per second by Agenda on our SequelizeBackend (SQLite file, MariaDB) and on
 * the official @agendajs/redis-backend, side by side. Each worker is its own process. Two
 * measures per store, median of the rounds:
 * - lock only: workers call `getNextJobToRun` until no job is left (the backend alone);
 * - locked and run: workers run Agenda on no-op jobs until all are complete (lock, two state
 *   saves and Agenda's own work per job).
 * Results go to this package's bench/results/agenda.md. Servers: BENCH_MYSQL_URL, BENCH_REDIS_URL.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import {
  BENCH_JOB,
  createStore,
  openStore,
  type BenchStore,
  type BenchWorkerMessage,
  type StoreKind,
} from './agenda-bench.stores.js';
import { machineFacts } from './machine.js';

const WORKER = fileURLToPath(new URL('./agenda-bench.worker.ts', import.meta.url));
/** Workers load TypeScript through the same hooks as the bench, whatever the cwd. */
const TS_REGISTER = fileURLToPath(new URL('../test/support/ts-register.mjs', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/agenda.md', import.meta.url));
const TIMEOUT_MS = 300_000;

type Mode = 'lock' | 'agenda';

async function enqueue(store: BenchStore, jobs: number): Promise<number> {
  const { backend, close } = await openStore(store.spec);
  await backend.repository.purgeAllJobs();
  const started = performance.now();
  const due = new Date(Date.now() - 1000);
  for (let done = 0; done < jobs; done += 50) {
    const batch = Array.from({ length: Math.min(50, jobs - done) }, (_, i) =>
      backend.repository.saveJob(
        { name: BENCH_JOB, priority: 0, nextRunAt: due, type: 'normal', data: { n: done + i } },
        undefined,
      ),
    );
    await Promise.all(batch);
  }
  const rate = jobs / ((performance.now() - started) / 1000);
  await close();
  return rate;
}

function startWorkers(store: BenchStore, mode: Mode, count: number): ChildProcess[] {
  return Array.from({ length: count }, (_, i) =>
    fork(WORKER, [], {
      execArgv: ['--import', TS_REGISTER],
      env: {
        ...process.env,
        BENCH_STORE: JSON.stringify(store.spec),
        BENCH_MODE: mode,
        BENCH_WORKER: `w${i + 1}`,
      },
    }),
  );
}

const onMessages = (workers: ChildProcess[], handle: (m: BenchWorkerMessage) => boolean) =>
  new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('benchmark round timed out')), TIMEOUT_MS);
    for (const worker of workers) {
      worker.on('message', (m: BenchWorkerMessage) => handle(m) && (clearTimeout(timer), done()));
      worker.once('exit', (code) => code && fail(new Error(`bench worker exited with ${code}`)));
    }
  });

/** One round: enqueue, start the workers, time from "go" until every job is locked or run. */
async function measure(store: BenchStore, mode: Mode, jobs: number, workerCount: number) {
  const enqueueRate = await enqueue(store, jobs);
  const workers = startWorkers(store, mode, workerCount);
  try {
    let ready = 0;
    await onMessages(workers, (m) => m.type === 'ready' && ++ready === workerCount);
    let locked = 0;
    let reported = 0;
    let completed = 0;
    const finished = onMessages(workers, (m) =>
      m.type === 'locked'
        ? ((locked += m.count), ++reported === workerCount)
        : m.type === 'completed' && ++completed === jobs,
    );
    const started = performance.now();
    for (const worker of workers) worker.send({ type: 'go' });
    await finished;
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(
      workers.map((w) => new Promise((exit) => (w.once('exit', exit), w.send({ type: 'stop' })))),
    );
    if (mode === 'lock' && locked !== jobs) {
      throw new Error(`${store.label}: ${locked} locks for ${jobs} jobs`);
    }
    return { enqueueRate, rate: jobs / seconds };
  } finally {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      jobs: { type: 'string', default: '1000' },
      workers: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '3' },
      stores: { type: 'string', default: 'sqlite,mysql,redis' },
    },
  });
  const [jobs, workers, rounds] = [values.jobs, values.workers, values.rounds].map(Number) as [
    number,
    number,
    number,
  ];
  const urls = {
    mysql: process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test',
    redis: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const rows: { label: string; enqueue: number; lock: number; agenda: number }[] = [];
  for (const kind of values.stores.split(',') as StoreKind[]) {
    const store = await createStore(kind, urls);
    try {
      const samples = { enqueue: [] as number[], lock: [] as number[], agenda: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        const lock = await measure(store, 'lock', jobs, workers);
        const agenda = await measure(store, 'agenda', jobs, workers);
        samples.enqueue.push(lock.enqueueRate, agenda.enqueueRate);
        samples.lock.push(lock.rate);
        samples.agenda.push(agenda.rate);
      }
      rows.push({
        label: store.label,
        enqueue: median(samples.enqueue),
        lock: median(samples.lock),
        agenda: median(samples.agenda),
      });
      console.log(rows.at(-1));
    } finally {
      await store.drop();
    }
  }
  await report(rows, {
    jobs,
    workers,
    rounds,
    command: `npm run bench -- agenda ${args.join(' ')}`.trim(),
  });
}

async function report(
  rows: { label: string; enqueue: number; lock: number; agenda: number }[],
  run: { jobs: number; workers: number; rounds: number; command: string },
): Promise<void> {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const mariadb = rows.find((r) => r.label.includes('MariaDB'));
  const redis = rows.find((r) => r.label.includes('Redis'));
  const lines = [
    '# Agenda backend benchmark',
    '',
    `- Command: \`${run.command}\``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machineFacts()}`,
    `- Load: ${run.jobs} no-op jobs, all due; ${run.workers} worker processes; median of ${run.rounds} rounds.`,
    '- Lock only: workers call `getNextJobToRun` until none is left. Locked and run: workers run',
    '  Agenda (concurrency 10, no lock limit) until every job has completed.',
    '- The Redis backend locks with a script that reads every job of the name (SMEMBERS, a',
    '  ZSCORE each, a sort) on each call, so its rate falls as jobs accumulate; ours walks an',
    '  index to the first free row. Try `--jobs 200` and `--jobs 2000` to see the shape.',
    '',
    '| store | enqueue (jobs/s) | lock only (jobs/s) | locked and run by Agenda (jobs/s) |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.label} | ${fmt(r.enqueue)} | ${fmt(r.lock)} | ${fmt(r.agenda)} |`),
    '',
  ];
  if (mariadb && redis) {
    const ratio = mariadb.agenda / redis.agenda;
    lines.push(
      `MariaDB ÷ Redis, locked and run: ${ratio.toFixed(2)} (target ≥ 0.50 with 2 workers): ${ratio >= 0.5 ? 'met' : 'NOT met'}.`,
      '',
    );
  }
  mkdirSync(dirname(RESULTS), { recursive: true });
  // Formatted as `npm run lint` expects the committed file to be.
  const text = await format(lines.join('\n'), {
    ...(await resolveConfig(RESULTS)),
    parser: 'markdown',
  });
  writeFileSync(RESULTS, text);
  console.log(text);
  console.log('written to bench/results/agenda.md');
}
