import { Histogram, type Registry } from 'prom-client';
import type { RunMetrics } from '../../runs/run-metrics.port.js';

const MINUTE = 60;

/** Step durations: a run's whole step (the driver), and one account's attempt (its worker). */
export function runMetrics(registry: Registry): RunMetrics {
  const steps = new Histogram({
    name: 'instagram_sync_step_duration_seconds',
    help: "A run's step from start to end over all its accounts, by step (profile, media, comments, insights) and outcome (the step's status).",
    labelNames: ['step', 'outcome'] as const,
    buckets: [
      1,
      5,
      15,
      30,
      MINUTE,
      2 * MINUTE,
      5 * MINUTE,
      15 * MINUTE,
      30 * MINUTE,
      60 * MINUTE,
      120 * MINUTE,
      240 * MINUTE,
    ],
    registers: [registry],
  });
  const accountSteps = new Histogram({
    name: 'instagram_sync_account_step_duration_seconds',
    help: "One account's attempt at a step in this process, by step and outcome (completed, failed, cancelled).",
    labelNames: ['step', 'outcome'] as const,
    buckets: [
      0.1,
      0.5,
      1,
      2.5,
      5,
      10,
      30,
      MINUTE,
      2 * MINUTE,
      5 * MINUTE,
      15 * MINUTE,
      30 * MINUTE,
      60 * MINUTE,
    ],
    registers: [registry],
  });
  return {
    stepFinished: (step, status, durationMs) =>
      steps.observe({ step, outcome: status }, durationMs / 1000),
    accountStepFinished: (step, outcome, durationMs) =>
      accountSteps.observe({ step, outcome }, durationMs / 1000),
  };
}
