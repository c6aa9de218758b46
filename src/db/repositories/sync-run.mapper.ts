import type {
  AccountFailure,
  ExecutionType,
  RunStatus,
  StepName,
  StepStatus,
  SyncRunRecord,
  SyncStepRecord,
} from './sync-run.records.js';
import type { SyncRunRow, SyncStepAccountRow, SyncStepRow } from '../models/sync-run.model.js';

/** Row → plain record mapping for run records, in one place. */
export function toStepRecord(step: SyncStepRow, failures: AccountFailure[]): SyncStepRecord {
  return {
    name: step.name as StepName,
    status: step.status as StepStatus,
    readCount: step.readCount,
    writeCount: step.writeCount,
    skipCount: step.skipCount,
    failures,
    startedAt: step.startedAt,
    endedAt: step.endedAt,
    durationMs: step.durationMs,
  };
}

export function toRunRecord(
  run: SyncRunRow,
  steps: SyncStepRow[],
  accounts: SyncStepAccountRow[],
): SyncRunRecord {
  const failuresOf = (name: string): AccountFailure[] =>
    accounts
      .filter((a) => a.step === name && a.status === 'failed')
      .map((a) => ({
        userNo: a.userNo,
        errorCode: a.errorCode ?? 'UNKNOWN',
        error: a.errorMessage ?? '',
      }));
  return {
    id: String(run.id),
    jobName: run.jobName,
    status: run.status as RunStatus,
    executionType: run.executionType as ExecutionType,
    targetUserNo: run.targetUserNo,
    monthsToSync: run.months,
    windowStart: run.windowStart,
    windowEnd: run.windowEnd,
    queuedAt: run.queuedAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    durationMs: run.durationMs,
    error: run.error,
    restartOf: run.restartOf === null ? null : String(run.restartOf),
    steps: [...steps]
      .sort((a, b) => a.position - b.position)
      .map((s) => toStepRecord(s, failuresOf(s.name))),
  };
}
