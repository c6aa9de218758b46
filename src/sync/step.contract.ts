import type { Logger } from '../config/logger.js';
import type { SyncWindow } from './sync-window.js';

/** The four steps, in the one order a run walks them. */
export const STEP_NAMES = ['profile', 'media', 'comments', 'insights'] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** One connected account as a step sees it (the token already decrypted, never logged). */
export interface SyncAccount {
  userNo: number;
  igUserId: string;
  accessToken: string;
  /** Picks the host of the account's calls; default Facebook Login. */
  loginType?: 'FACEBOOK' | 'INSTAGRAM';
}

export interface StepCounts {
  /** Items read from Instagram. */
  read: number;
  /** Rows written (upserted or marked deleted). */
  written: number;
  /** Items skipped (e.g. media insights Instagram refuses for old media). */
  skipped: number;
}

/**
 * What a step leaves for the same account's next step of the same run: a few small values
 * (a paging cursor, a time), stored with the step's row as JSON. Never a secret.
 */
export type StepHandoff = Readonly<Record<string, string | number | boolean>>;

export interface StepContext {
  runId: string;
  account: SyncAccount;
  window: SyncWindow;
  /** When this attempt began: rows not seen since then inside the window were deleted on Instagram. */
  attemptStartedAt: Date;
  /**
   * Call between pages with what the page did: records progress, keeps the job's lock alive and
   * throws `RunCancelledError` when the run was cancelled, so a run stops between pages.
   */
  checkpoint(delta: Partial<StepCounts>): Promise<void>;
  /** What the account's previous step of this run handed on; null when it handed on nothing. */
  handedOn: StepHandoff | null;
  /** Leaves `value` for the account's next step; kept only if this step completes. */
  handOn(value: StepHandoff): void;
  logger: Logger;
}

/** Every step has this one contract; the order lives in `steps/index.ts`. */
export interface SyncStep {
  readonly name: StepName;
  /** Syncs one account; throws (a `GraphApiError`, usually) when the account fails. */
  run(context: StepContext): Promise<StepCounts>;
}

/** Thrown by `checkpoint` once the run is cancelled. */
export class RunCancelledError extends Error {
  constructor(runId: string) {
    super(`run ${runId} was cancelled`);
    this.name = 'RunCancelledError';
  }
}
