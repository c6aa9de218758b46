/**
 * The records of a sync run (Spring Batch's job execution), as the run repositories return
 * them and every layer above reads them. Plain, serialisable records only: dates in records are `Date`, dates in
 * events are ISO strings so the event bus (Redis) can carry them.
 */

export const RUN_STATUSES = [
  'QUEUED',
  'RUNNING',
  'COMPLETED',
  'COMPLETED_WITH_ERRORS',
  'FAILED',
  'CANCELLED',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STEP_STATUSES = [
  'PENDING',
  'RUNNING',
  'COMPLETED',
  'COMPLETED_WITH_ERRORS',
  'FAILED',
  'SKIPPED',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The four steps are the sync layer's; a run walks them in their one order. */
export { STEP_NAMES, type StepName } from '../sync/step.contract.js';
import type { StepName } from '../sync/step.contract.js';

export const EXECUTION_TYPES = ['scheduled', 'manual_async', 'restart'] as const;
export type ExecutionType = (typeof EXECUTION_TYPES)[number];

export interface AccountFailure {
  userNo: number;
  errorCode: string;
  error: string;
}

export interface StepRecord {
  name: StepName;
  status: StepStatus;
  readCount: number;
  writeCount: number;
  skipCount: number;
  failures: AccountFailure[];
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
}

export interface RunRecord {
  id: string;
  jobName: string;
  status: RunStatus;
  executionType: ExecutionType;
  /** null = all active accounts. */
  targetUserNo: number | null;
  monthsToSync: number;
  windowStart: Date;
  windowEnd: Date;
  queuedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  error: string | null;
  restartOf: string | null;
  steps: StepRecord[];
}

export const RUN_EVENT_TYPES = [
  'RUN_QUEUED',
  'RUN_STARTED',
  'STEP_STARTED',
  'STEP_PROGRESS',
  'ACCOUNT_FAILED',
  'STEP_COMPLETED',
  'RUN_COMPLETED',
  'RUN_FAILED',
  'RUN_CANCELLED',
] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];
export const FINAL_EVENT_TYPES: readonly RunEventType[] = [
  'RUN_COMPLETED',
  'RUN_FAILED',
  'RUN_CANCELLED',
];

export interface RunProgress {
  /** Accounts finished (completed or failed) in the step. */
  done: number;
  /** Accounts in the step. */
  total: number;
  /** Items (media, comments, insight values) written so far in the step. */
  items: number;
}

/** One event of a run; `seq` is 1, 2, 3, … per run, with no gap. */
export interface RunEvent {
  executionId: string;
  seq: number;
  type: RunEventType;
  step: StepName | null;
  /** ISO-8601. */
  at: string;
  progress: RunProgress | null;
  message: string | null;
  /** Set on ACCOUNT_FAILED. */
  userNo: number | null;
  /** The run's status after this event. */
  status: RunStatus;
}

export interface RunPage {
  runs: RunRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface RunFilter {
  first?: number;
  after?: string | null;
  status?: RunStatus | null;
  userNo?: number | null;
  /** With `userNo`: all-accounts runs too (the runs that include that account). */
  includingAllAccounts?: boolean;
}

/** `months` of a start: 1 to 12 (the old service's range). */
export const MONTHS_MIN = 1;
export const MONTHS_MAX = 12;
export const DEFAULT_MANUAL_MONTHS = 6;
export const DEFAULT_SCHEDULED_MONTHS = 1;
/** The weekly deep sync covers the whole year, so counts and insights of older media move on. */
export const DEEP_SYNC_MONTHS = 12;

/** The answer to a start (or restart): what the old REST API returned, plus the execution id. */
export interface RunLaunch {
  executionId: string;
  status: RunStatus;
  message: string;
  executionTime: Date;
  executionType: ExecutionType;
  targetUserNo: number | null;
  monthsToSync: number;
  /** True when an already queued or running run for the same target was returned instead. */
  deduplicated: boolean;
}

/** One recurring sync: the nightly one or the weekly deep one, and when it next starts. */
export interface ScheduledSync {
  name: 'nightly' | 'deep';
  cron: string;
  months: number;
  nextRunAt: Date | null;
}

export interface StatusOverview {
  batchName: string;
  description: string;
  schedule: string;
  cron: string;
  timezone: string;
  nextRunAt: Date | null;
  lastExecution: Date | null;
  status: 'active';
  running: number;
  queued: number;
  queueCapacity: number;
  concurrency: number;
  /** The recurring syncs, soonest first. */
  schedules: ScheduledSync[];
}
