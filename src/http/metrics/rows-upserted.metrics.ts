import { Counter, type Registry } from 'prom-client';
import type { RowsUpsertedReport } from '../../db/repositories/rows-upserted.report.js';

/** Synced rows written, by table. */
export function rowsUpsertedMetrics(registry: Registry): RowsUpsertedReport {
  const rows = new Counter({
    name: 'instagram_sync_rows_upserted_total',
    help: 'Synced rows inserted or updated by bulk upserts in this process, by table (ig_media, ig_comments, …).',
    labelNames: ['table'] as const,
    registers: [registry],
  });
  return { rowsUpserted: (table, count) => rows.inc({ table }, count) };
}
