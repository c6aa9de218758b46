export * from '../db/repositories/sync-run.records.js';
import type { ExecutionType, RunStatus } from '../db/repositories/sync-run.records.js';

export const JOB_NAME = 'instagramSyncJob';
export const MONTHS_MIN = 1;
export const MONTHS_MAX = 12;
export const DEFAULT_MANUAL_MONTHS = 6;
export const DEFAULT_SCHEDULED_MONTHS = 1;

/** The answer to a start (or restart): what the old REST API returned, plus the execution id. */
export interface SyncLaunch {
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

export interface BatchStatus {
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
}
