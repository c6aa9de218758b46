/**
 * Scenarios on one engine: (a) a full first sync, (b) the same re-synced at once with nothing
 * changed, (c) re-synced after 2 % of the media changed or were added, (d) (a) with 4× the
 * media, and (writes) (a) at latency 0, for the write rate of the comment-writing steps.
 */
import type { FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import type { BenchEngine } from './bench-database.js';
import {
  CHANGED_SHARE,
  FULL_SYNC_LATENCY_MS,
  FULL_SYNC_MONTHS,
  LARGE_FACTOR,
  type DataSet,
  type ResultRow,
  type Scenario,
} from './bench-plan.js';
import { openBenchService, type BenchService } from './bench-service.js';
import { mediaInWindow } from './account-floor.js';
import { measureRun, type RunMeasure } from './run-measure.js';
import type { StoredState } from './call-floor.js';

/**
 * On MariaDB the service runs as an API process and one worker, so the worker's memory is its
 * own. A SQLite file has one writer at a time: there it runs as one ROLE=all process (with an
 * API process beside a worker, today's service fails account steps with SQLITE_BUSY at this
 * load; bench/results/sync.md has that run).
 */
const workersOn = (engine: BenchEngine): number => (engine === 'sqlite' ? 0 : 1);

function rowOf(key: string, label: string, bench: BenchService, m: RunMeasure): ResultRow {
  console.log(
    `  ${label} on ${bench.db.engine}: ${m.status} in ${(m.wallMs / 1000).toFixed(1)} s, ` +
      `${m.calls.total} calls (floor ${m.floor.total})`,
  );
  return { key, label, engine: bench.db.engine, processes: bench.processes, ...m };
}

function run(bench: BenchService, latencyMs: number, stored?: StoredState) {
  return measureRun({
    bench,
    months: FULL_SYNC_MONTHS,
    latencyMs,
    stored,
  });
}

/**
 * 2 % of each account's media in the window: half of them get 3 new comments (their
 * `comments_count` moves), and as many new media are posted.
 */
export function changeSomeMedia(fake: FakeGraphApi, windowStart: Date): number {
  let changed = 0;
  for (const account of fake.data.accounts) {
    const media = mediaInWindow(account, windowStart);
    const count = Math.max(2, Math.round(media.length * CHANGED_SHARE));
    const step = Math.max(1, Math.floor(media.length / Math.ceil(count / 2)));
    for (let i = 0; i < Math.ceil(count / 2) && i * step < media.length; i += 1) {
      fake.mutate.addComments(media[i * step]!.id, 3);
      changed += 1;
    }
    fake.mutate.addMedia(account.igUserId, Math.floor(count / 2));
    changed += Math.floor(count / 2);
  }
  return changed;
}

/** (a), then (b) and (c) on the same fake, database and processes when asked. */
export async function runFullSync(
  engine: BenchEngine,
  data: DataSet,
  wanted: Set<Scenario>,
): Promise<ResultRow[]> {
  const bench = await openBenchService({
    engine,
    workers: workersOn(engine),
    fake: { ...data, latencyMs: FULL_SYNC_LATENCY_MS },
  });
  try {
    const first = await run(bench, FULL_SYNC_LATENCY_MS);
    const rows = [rowOf('a', '(a) first sync', bench, first)];
    let stored = first.stored;
    if (wanted.has('b')) {
      const again = await run(bench, FULL_SYNC_LATENCY_MS, stored);
      rows.push(rowOf('b', '(b) re-sync, nothing changed', bench, again));
      stored = again.stored;
    }
    if (wanted.has('c')) {
      const changed = changeSomeMedia(bench.fake, new Date(Date.now() - 360 * 86_400_000));
      const after = await run(bench, FULL_SYNC_LATENCY_MS, stored);
      rows.push(rowOf('c', `(c) re-sync, ${changed} media changed or added`, bench, after));
    }
    return rows;
  } finally {
    await bench.close();
  }
}

/** (d): (a) with 4× the media per account, on a fresh database. */
export async function runLargeSync(engine: BenchEngine, data: DataSet): Promise<ResultRow> {
  const bench = await openBenchService({
    engine,
    workers: workersOn(engine),
    fake: { ...data, media: data.media * LARGE_FACTOR, latencyMs: FULL_SYNC_LATENCY_MS },
  });
  try {
    const label = `(d) first sync, ${LARGE_FACTOR}× media`;
    return rowOf('d', label, bench, await run(bench, FULL_SYNC_LATENCY_MS));
  } finally {
    await bench.close();
  }
}

/** (writes): (a) at latency 0: how fast the comment-writing steps store rows. */
export async function runWrites(engine: BenchEngine, data: DataSet): Promise<ResultRow> {
  const bench = await openBenchService({
    engine,
    workers: workersOn(engine),
    fake: { ...data, latencyMs: 0 },
  });
  try {
    return rowOf('writes', '(writes) first sync, latency 0', bench, await run(bench, 0));
  } finally {
    await bench.close();
  }
}
