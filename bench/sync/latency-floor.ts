/**
 * The latency floor on a run's wall time, from the call floor: what the calls cost in
 * waiting for the Graph API alone, with the concurrency the service allows.
 *
 * Model: the run's steps run one after the other (a barrier per step). A step runs up to
 * W × C account steps at once (W workers, C account steps per worker), so its accounts go in
 * ceil(N / (W × C)) waves. Within one account, calls that depend on each other run in a row
 * (the media pages; the pages of one comment thread, reply pages after the page holding their
 * comment) and independent ones up to c at once (the client's per-account limit). An
 * account's critical path in a step is max(longest chain, ceil(calls / c)) calls; a step
 * takes waves × (the slowest account's critical path) × latency, and the floor is the sum.
 * Steps: profile + media (the pages in a row: the first carries the profile), comments,
 * insights (account insight calls and fallback media insight calls, all independent).
 */
import type { AccountFloor, CallFloor } from './call-floor.js';

export interface Concurrency {
  workers: number;
  /** Account steps one worker runs at once (SYNC_ACCOUNT_CONCURRENCY, default 16). */
  accountSteps: number;
  /** Calls in flight at once for one account (the Graph client's default is 4). */
  callsPerAccount: number;
}

const STEP_PATHS: Array<(a: AccountFloor, c: number) => number> = [
  (a) => a.mediaPages,
  (a, c) => Math.max(a.longestCommentChain, Math.ceil((a.comments + a.replies) / c)),
  (a, c) => Math.ceil((a.accountInsights + a.mediaInsights) / c),
];

/** The least wall time, in ms, the floor's calls need at `latencyMs` a call. */
export function latencyFloorMs(floor: CallFloor, concurrency: Concurrency, latencyMs: number) {
  const atOnce = Math.max(1, concurrency.workers * concurrency.accountSteps);
  const waves = Math.ceil(floor.accounts.length / atOnce);
  const c = Math.max(1, concurrency.callsPerAccount);
  return STEP_PATHS.reduce((total, path) => {
    const slowest = Math.max(0, ...floor.accounts.map((a) => path(a, c)));
    return total + waves * slowest * latencyMs;
  }, 0);
}
