/**
 * (e): the (a) data set synced by 1, 2 and 4 worker processes sharing one run on MariaDB
 * (an API process beside them), each on a fresh database: throughput in rows and calls per
 * second of wall time.
 */
import {
  FULL_SYNC_LATENCY_MS,
  FULL_SYNC_MONTHS,
  type DataSet,
  type ResultRow,
} from './bench-plan.js';
import { openBenchService } from './bench-service.js';
import { measureRun } from './run-measure.js';

export async function runWorkerScaling(data: DataSet, counts: number[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const workers of counts) {
    const bench = await openBenchService({
      engine: 'mariadb',
      workers,
      fake: { ...data, latencyMs: FULL_SYNC_LATENCY_MS },
    });
    try {
      const m = await measureRun({
        bench,
        months: FULL_SYNC_MONTHS,
        latencyMs: FULL_SYNC_LATENCY_MS,
      });
      console.log(`  (e) ${workers} worker(s): ${m.status} in ${(m.wallMs / 1000).toFixed(1)} s`);
      rows.push({
        key: `e${workers}`,
        label: `(e) first sync, ${workers} worker${workers > 1 ? 's' : ''}`,
        engine: 'mariadb',
        processes: bench.processes,
        ...m,
      });
    } finally {
      await bench.close();
    }
  }
  return rows;
}
