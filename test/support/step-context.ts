import { pino } from 'pino';
import type { Logger } from '../../src/config/logger.js';
import {
  RunCancelledError,
  type StepContext,
  type StepCounts,
  type StepHandoff,
  type SyncAccount,
} from '../../src/sync/step.contract.js';
import type { SyncWindow } from '../../src/sync/sync-window.js';

/** A StepContext whose checkpoint records what it was told, and can stand in for a cancel. */
export interface RecordingStepContext extends StepContext {
  /** Every delta handed to `checkpoint`, in order. */
  readonly deltas: Partial<StepCounts>[];
  /** The deltas added up: what the run would have recorded. */
  checkpointed(): StepCounts;
  /** From the next checkpoint on, throw `RunCancelledError` (as a cancelled run does). */
  cancel(): void;
  /** What the step handed on (null until it calls `handOn`). */
  handedOnToNext(): StepHandoff | null;
}

export interface StepContextInput {
  account: SyncAccount;
  window: SyncWindow;
  attemptStartedAt?: Date;
  runId?: string;
  logger?: Logger;
  /** The run is cancelled once this many checkpoints have passed. */
  cancelAfterCheckpoints?: number;
  /** What the previous step handed on (see `handedOnToNext` to chain two steps). */
  handedOn?: StepHandoff | null;
}

/** A StepContext for running one step on its own in a test. */
export function stepContext(input: StepContextInput): RecordingStepContext {
  const deltas: Partial<StepCounts>[] = [];
  let cancelled = false;
  const cancelAfter = input.cancelAfterCheckpoints ?? Infinity;
  const runId = input.runId ?? 'test-run';
  let handoff: StepHandoff | null = null;
  return {
    runId,
    account: input.account,
    window: input.window,
    attemptStartedAt: input.attemptStartedAt ?? new Date(),
    logger: input.logger ?? pino({ level: 'silent' }),
    deltas,
    handedOn: input.handedOn ?? null,
    handOn(value) {
      handoff = value;
    },
    handedOnToNext: () => handoff,
    async checkpoint(delta) {
      deltas.push({ ...delta });
      if (deltas.length > cancelAfter) cancelled = true;
      if (cancelled) throw new RunCancelledError(runId);
    },
    checkpointed() {
      const sum = (key: keyof StepCounts) => deltas.reduce((n, d) => n + (d[key] ?? 0), 0);
      return { read: sum('read'), written: sum('written'), skipped: sum('skipped') };
    },
    cancel() {
      cancelled = true;
    },
  };
}
