import type { Agenda, Job } from 'agenda';
import { mapBounded } from '../sync/steps/bounded.js';
import type { StepName } from './run.vocabulary.js';

/** Every Agenda job this service defines, with its payload: the one place names live. */
export interface JobPayloads {
  /** Drives one run through the four steps (one slot = one executing run, as the old executor). */
  'instagram-sync-run': { runId: string };
  /** One account's share of one step; any worker process may take it. */
  'instagram-sync-account-step': { runId: string; step: StepName; userNo: number };
  /** The recurring nightly start. */
  'instagram-sync-scheduled': Record<string, never>;
  /** The recurring weekly deep start (12 months), so older media stay current. */
  'instagram-sync-deep-scheduled': Record<string, never>;
  /** The recurring token check: refresh Instagram-Login tokens, flag expiring Facebook ones. */
  'instagram-token-refresh-scheduled': Record<string, never>;
}
export type JobName = keyof JobPayloads;

// Literal types, not `JobName`: each constant selects its own payload type below.
export const RUN_JOB = 'instagram-sync-run' satisfies JobName;
export const ACCOUNT_STEP_JOB = 'instagram-sync-account-step' satisfies JobName;
export const SCHEDULED_JOB = 'instagram-sync-scheduled' satisfies JobName;
export const DEEP_SCHEDULED_JOB = 'instagram-sync-deep-scheduled' satisfies JobName;
export const TOKEN_REFRESH_JOB = 'instagram-token-refresh-scheduled' satisfies JobName;

/** Defines a job whose handler receives exactly the payload its name declares. */
export function defineJob<N extends JobName>(
  agenda: Agenda,
  name: N,
  handler: (job: Job<JobPayloads[N]>) => Promise<void>,
  options?: Parameters<Agenda['define']>[2],
): void {
  agenda.define<JobPayloads[N]>(name, handler, options);
}

/**
 * Makes sure a job with this payload will run: one already queued or running (locked) is left
 * alone, so a resumed driver re-queueing its accounts adds nothing twice. A one-off job that
 * Agenda no longer runs (neither locked nor scheduled: its worker was stopped mid-run) is
 * replaced by a fresh one.
 */
export async function ensureQueued<N extends JobName>(
  agenda: Agenda,
  name: N,
  data: JobPayloads[N],
): Promise<void> {
  const existing = (await agenda.queryJobs({ name, data, limit: 1 })).jobs[0];
  if (existing && (existing.lockedAt || existing.nextRunAt)) return;
  if (existing) await agenda.cancel({ name, data });
  const unique = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [`data.${key}`, value]),
  );
  await agenda.create(name, data).unique(unique, { insertOnly: true }).schedule(new Date()).save();
}

/** Queueings {@link ensureAllQueued} runs at once: most of a MySQL pool (10), not all of it. */
const QUEUEING_CONCURRENCY = 8;

/**
 * {@link ensureQueued} for every payload, several at once. A step's account jobs queued one
 * after another also started one after another: each queueing (a read and a write) waited
 * behind the pages the accounts already running were storing, so a 50-account profile step
 * ran two or three accounts at a time instead of its 16 (docs/DECISIONS.md).
 */
export async function ensureAllQueued<N extends JobName>(
  agenda: Agenda,
  name: N,
  payloads: readonly JobPayloads[N][],
): Promise<void> {
  await mapBounded(payloads, QUEUEING_CONCURRENCY, (data) => ensureQueued(agenda, name, data));
}
