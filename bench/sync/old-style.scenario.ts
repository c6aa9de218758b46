/**
 * (old): the comparison with the old Spring Batch job's way of syncing, on the data
 * set it names (5 accounts × 100 media × ~30 comments, 20 ms a call, MariaDB): a 6-month
 * first sync, then a 1-month nightly re-sync, by this service and by the old-style sequential
 * sync (old-style.hook.ts), each on a fresh fake and database. Calls are counted from the
 * fake's log either way.
 */
import { createFakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import { freshDatabase } from './bench-database.js';
import {
  OLD_FIRST_MONTHS,
  OLD_NIGHTLY_MONTHS,
  OLD_STYLE_LATENCY_MS,
  type DataSet,
  type ResultRow,
} from './bench-plan.js';
import { BENCH_SEED, openBenchService } from './bench-service.js';
import { tallyCalls } from './graph-calls.js';
import { loadOldStyleSync, type RunOldStyleSync } from './old-style.hook.js';
import { measureRun } from './run-measure.js';
import type { StoredState } from './call-floor.js';

export const OLD_STYLE_MISSING = 'old-style module missing';

async function serviceRows(data: DataSet): Promise<ResultRow[]> {
  const bench = await openBenchService({
    engine: 'mariadb',
    workers: 1,
    fake: { ...data, latencyMs: OLD_STYLE_LATENCY_MS },
  });
  try {
    const rows: ResultRow[] = [];
    let stored: StoredState | undefined;
    for (const [key, months, kind] of [
      ['old-first-service', OLD_FIRST_MONTHS, 'first'],
      ['old-nightly-service', OLD_NIGHTLY_MONTHS, 'nightly'],
    ] as const) {
      const m = await measureRun({
        bench,
        months,
        latencyMs: OLD_STYLE_LATENCY_MS,
        stored,
      });
      stored = m.stored;
      const label = `(old) this service, ${months}-month ${kind} sync`;
      console.log(
        `  ${label}: ${m.status} in ${(m.wallMs / 1000).toFixed(1)} s, ${m.calls.total} calls`,
      );
      rows.push({ key, label, engine: 'mariadb', processes: bench.processes, ...m });
    }
    return rows;
  } finally {
    await bench.close();
  }
}

async function oldStyleRows(data: DataSet, runOldStyleSync: RunOldStyleSync): Promise<ResultRow[]> {
  const fake = await createFakeGraphApi({
    seed: BENCH_SEED,
    ...data,
    latencyMs: OLD_STYLE_LATENCY_MS,
  });
  const db = await freshDatabase('mariadb', 'bench_sync_old');
  const accounts = fake.data.accounts.map(({ igUserId, accessToken }) => ({
    igUserId,
    accessToken,
  }));
  try {
    const rows: ResultRow[] = [];
    for (const [key, months, kind] of [
      ['old-first-old', OLD_FIRST_MONTHS, 'first'],
      ['old-nightly-old', OLD_NIGHTLY_MONTHS, 'nightly'],
    ] as const) {
      const from = fake.requests.length;
      const { wallMs } = await runOldStyleSync({
        graphUrl: fake.url,
        accounts,
        months,
        databaseUrl: db.url,
      });
      const calls = tallyCalls(fake.requests.slice(from), fake.data);
      const label = `(old) old style, ${months}-month ${kind} sync`;
      console.log(`  ${label}: ${(wallMs / 1000).toFixed(1)} s, ${calls.total} calls`);
      rows.push({
        key,
        label,
        engine: 'mariadb',
        processes: 'one sequential job',
        status: 'ended',
        wallMs,
        calls,
      });
    }
    return rows;
  } finally {
    await fake.close();
    await db.drop();
  }
}

/** The service's rows, and the old style's when its module is there (else a note saying so). */
export async function runOldStyleComparison(
  data: DataSet,
): Promise<{ rows: ResultRow[]; note?: string }> {
  const rows = await serviceRows(data);
  const runOldStyleSync = await loadOldStyleSync();
  if (!runOldStyleSync) {
    console.log(`  (old) ${OLD_STYLE_MISSING}: bench/sync/old-style/index.ts not found`);
    return { rows, note: OLD_STYLE_MISSING };
  }
  return { rows: [...rows, ...(await oldStyleRows(data, runOldStyleSync))] };
}
