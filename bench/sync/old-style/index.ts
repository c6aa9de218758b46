/**
 * The benchmark's baseline: the sync the way the old Spring Batch job ran it (issue 11).
 * One account after the other, one Graph API call at a time, every row its own upsert in its
 * own autocommit, into `old_*` tables of its own. A baseline to measure against, not a design
 * to copy: the service (src/sync) pages, expands and batches instead.
 */
import { DateTime } from 'luxon';
import { engineOf, openDatabase } from '../../../src/db/connection.js';
import { syncAccountOldStyle } from './account-job.js';
import { OldStyleGraphReader } from './graph-reader.js';
import { OldStyleRowWriter } from './old-tables.js';

export interface OldStyleOptions {
  /** The Graph API's base URL without the version, e.g. the fake's `http://127.0.0.1:PORT`. */
  graphUrl: string;
  accounts: Array<{ igUserId: string; accessToken: string }>;
  /** The window: from the start of the day `months` calendar months ago (UTC) to now. */
  months: number;
  /** `sqlite:/path` or `mysql://root@127.0.0.1:3306/db`, as the service's DATABASE_URL. */
  databaseUrl: string;
}

export interface OldStyleResult {
  /** The sync itself: from the first call to the last row (not the connection or the DDL). */
  wallMs: number;
  /** Upsert statements executed, one per row. */
  rowsWritten: number;
}

/** Runs the old-style sync once; throws on the first failure it does not skip. */
export async function runOldStyleSync(options: OldStyleOptions): Promise<OldStyleResult> {
  const db = await openDatabase(options.databaseUrl, { poolMax: 1 });
  const graph = new OldStyleGraphReader(options.graphUrl);
  try {
    const writer = new OldStyleRowWriter(db, engineOf(options.databaseUrl));
    await writer.createTables();
    const started = performance.now();
    const window = { start: windowStart(options.months, new Date()), end: new Date() };
    for (const account of options.accounts) {
      await syncAccountOldStyle({ graph, writer, window }, account);
    }
    return { wallMs: Math.round(performance.now() - started), rowsWritten: writer.rowsWritten };
  } finally {
    graph.close();
    await db.close();
  }
}

/** Calendar months, as the service counts them: 1 month before 31 March is 28/29 February. */
function windowStart(months: number, now: Date): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day').minus({ months }).toJSDate();
}
