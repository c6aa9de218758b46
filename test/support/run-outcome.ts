import { expect } from '@jest/globals';
import type { ProgressEvent, TestService } from './service.js';

export const STEPS = ['profile', 'media', 'comments', 'insights'];

export interface RunView {
  status: string;
  windowStart: string;
  steps: Array<{ name: string; status: string }>;
}

const EXECUTION = `query($id: ID!) { batchExecution(id: $id) { status windowStart steps { name status } } }`;

/** Starts a run of every account (`months` back) through GraphQL and returns its executionId. */
export async function startSync(service: TestService, months = 3): Promise<string> {
  const launch = await service.gql<{ startInstagramSync: { executionId: string } }>(
    `mutation { startInstagramSync(months: ${months}) { executionId } }`,
  );
  expect(launch.errors).toBeUndefined();
  return launch.data!.startInstagramSync.executionId;
}

/** The run as GraphQL serves it. */
export async function getRun(service: TestService, executionId: string): Promise<RunView> {
  const result = await service.gql<{ batchExecution: RunView }>(EXECUTION, { id: executionId });
  expect(result.errors).toBeUndefined();
  return result.data!.batchExecution;
}

/** Each run and step milestone in order, whoever emitted it (progress ticks left out). */
export function milestonesOf(events: ProgressEvent[]): string[] {
  return events
    .filter((e) => e.type !== 'STEP_PROGRESS')
    .map((e) => (e.step ? `${e.type}:${e.step}` : e.type));
}

/** The milestones of a run that completed: each exactly once, in order. */
export const COMPLETED_MILESTONES = [
  'RUN_QUEUED',
  'RUN_STARTED',
  ...STEPS.flatMap((s) => [`STEP_STARTED:${s}`, `STEP_COMPLETED:${s}`]),
  'RUN_COMPLETED',
];

/** Asserts a run's full event log: seq 1, 2, 3, … without a gap, and the milestones of a completed run. */
export function expectCompletedLog(events: ProgressEvent[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(milestonesOf(events)).toEqual(COMPLETED_MILESTONES);
}

/** Asserts the run and its four steps ended COMPLETED. */
export async function expectRunCompleted(
  service: TestService,
  executionId: string,
): Promise<RunView> {
  const run = await getRun(service, executionId);
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => s.status)).toEqual(STEPS.map(() => 'COMPLETED'));
  return run;
}
