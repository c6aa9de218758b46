/**
 * (e): a latency-bound first sync (`dataSets().scaling`, SCALING_LATENCY_MS a call, SCALING_MONTHS
 * months) by 1, 2 and 4 worker processes sharing one run on MariaDB (an API process beside
 * them), each on a fresh database: throughput in rows per second of wall time. On a machine
 * of two cores a CPU-bound run such as (a) cannot go faster with more processes; this one
 * shows what more workers add while the run waits on Instagram.
 */
import { SCALING_LATENCY_MS, SCALING_MONTHS, type DataSet, type ResultRow } from './bench-plan.js';
import { openBenchService } from './bench-service.js';
import { measureRun } from './run-measure.js';

export async function runWorkerScaling(data: DataSet, counts: number[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const workers of counts) {
    const bench = await openBenchService({
      engine: 'mariadb',
      workers,
      fake: { ...data, latencyMs: SCALING_LATENCY_MS },
    });
    try {
      const m = await measureRun({
        bench,
        months: SCALING_MONTHS,
        latencyMs: SCALING_LATENCY_MS,
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
