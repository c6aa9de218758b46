import type { RunEvent } from '../../src/runs/run.vocabulary.js';

/** A STEP_PROGRESS event of run `run-1`, number `seq`: what a bus test sends and expects. */
export const progressEvent = (seq: number): RunEvent => ({
  executionId: 'run-1',
  seq,
  type: 'STEP_PROGRESS',
  step: 'media',
  at: new Date(0).toISOString(),
  progress: { done: 1, total: 3, items: 10 },
  message: null,
  userNo: null,
  status: 'RUNNING',
});
