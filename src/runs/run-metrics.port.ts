import type { StepName, StepStatus } from './run.vocabulary.js';

/** How one account's attempt at a step ended (a worker stopping hands it back instead). */
export type AccountStepOutcome = 'completed' | 'failed' | 'cancelled';

/**
 * Where the run machinery reports how long steps take, without knowing about Prometheus
 * (the http layer adapts it).
 */
export interface RunMetrics {
  /** A run's step ended with `status`, `durationMs` after it started (the driver). */
  stepFinished(step: StepName, status: StepStatus, durationMs: number): void;
  /** One account's attempt at a step ended (the worker that ran it). */
  accountStepFinished(step: StepName, outcome: AccountStepOutcome, durationMs: number): void;
}
