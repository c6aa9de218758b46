/**
 * One worker process of the Agenda benchmark (forked by agenda.bench.ts). Mode `lock` calls
 * `getNextJobToRun` in a loop until nothing is left; mode `agenda` starts an Agenda that runs
 * the no-op jobs. It reports over IPC; the parent keeps the clock.
 */
import { Agenda } from 'agenda';
import {
  BENCH_JOB,
  openStore,
  type BenchWorkerMessage,
  type StoreSpec,
} from './agenda-bench.stores.js';

const spec = JSON.parse(process.env.BENCH_STORE ?? '{}') as StoreSpec;
const mode = process.env.BENCH_MODE === 'lock' ? 'lock' : 'agenda';
const name = process.env.BENCH_WORKER ?? `w${process.pid}`;
const send = (message: BenchWorkerMessage) => process.send?.(message);

const store = await openStore(spec);
const agenda =
  mode === 'agenda'
    ? new Agenda({
        backend: store.backend,
        name,
        processEvery: 200,
        maxConcurrency: 10,
        defaultConcurrency: 10,
        defaultLockLifetime: 60_000,
      })
    : undefined;
agenda?.define(BENCH_JOB, async () => {});
agenda?.on('complete', () => send({ type: 'completed' }));

async function lockAll(): Promise<number> {
  let count = 0;
  for (;;) {
    const now = new Date();
    const job = await store.backend.repository.getNextJobToRun(
      BENCH_JOB,
      new Date(now.getTime() + 5000),
      new Date(now.getTime() - 600_000),
      now,
      { lastModifiedBy: name },
    );
    if (!job) return count;
    count++;
  }
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'go' && agenda) void agenda.start();
  if (message.type === 'go' && !agenda)
    void lockAll().then((count) => send({ type: 'locked', count }));
  if (message.type === 'stop') {
    void (async () => {
      await agenda?.stop();
      await store.close();
      process.exit(0);
    })();
  }
});

// Orphaned (the parent died or gave up): nothing will ever ask this worker to stop.
process.on('disconnect', () => process.exit(1));

send({ type: 'ready' });
