/**
 * Where the synced-data repositories report rows they upserted, by table, without knowing about
 * metrics (the composition root passes the http layer's adapter in).
 */
export interface RowsUpsertedReport {
  rowsUpserted(table: string, rows: number): void;
}

interface Upserting {
  upsertMany(...args: never[]): Promise<number>;
}

/**
 * `repository`, its `upsertMany` reporting each write's row count to `report`. A write inside a
 * transaction that later rolls back (a MySQL deadlock victim that runs again) is counted as
 * written: the figure counts rows sent, which is what load is made of.
 */
export function reportingUpserts<R extends Upserting>(
  repository: R,
  table: string,
  report: RowsUpsertedReport | undefined,
): R {
  if (!report) return repository;
  const upsertMany = repository.upsertMany.bind(repository) as (
    ...args: unknown[]
  ) => Promise<number>;
  return Object.assign(repository, {
    upsertMany: async (...args: unknown[]) => {
      const rows = await upsertMany(...args);
      if (rows > 0) report.rowsUpserted(table, rows);
      return rows;
    },
  });
}
