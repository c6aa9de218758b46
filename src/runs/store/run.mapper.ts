import type {
  AccountFailure,
  ExecutionType,
  RunStatus,
  StepName,
  StepStatus,
  RunRecord,
  StepRecord,
} from '../run.vocabulary.js';
import type { RunRow, StepAccountRow, StepRow } from '../../db/models/run.model.js';

/** Row → plain record mapping for run records, in one place. */
export function toStepRecord(step: StepRow, failures: AccountFailure[]): StepRecord {
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

export function toRunRecord(run: RunRow, steps: StepRow[], accounts: StepAccountRow[]): RunRecord {
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
