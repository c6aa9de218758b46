import { expect } from '@jest/globals';
import type { Engine } from '../../../src/db/connection.js';
import {
  expectCompletedLog,
  expectRunCompleted,
  getRun,
  startSync,
  type RunView,
} from '../../support/run-outcome.js';
import {
  collectEvents,
  startTestService,
  type ProgressEvent,
  type ServiceOptions,
  type TestService,
} from '../../support/service.js';
import { expectStoredAsFake } from '../../support/synced-data.js';
import { within } from '../../support/waiting.js';

/**
 * The harness of a fault scenario: a private service (API and worker in this process) on a
 * fresh database of `engine`, against its own fake (inject faults through `service.fake.faults`),
 * every account of the fake connected. `stop` it in afterAll/afterEach.
 */
export async function startScenarioService(
  engine: Engine,
  options: Omit<ServiceOptions, 'engine'> = {},
): Promise<TestService> {
  const service = await startTestService({ engine, ...options });
  await service.connectAll();
  return service;
}

export interface FinishedRun {
  executionId: string;
  /** Every event of the run from seq 1, as a subscriber (subscribed before it began) saw them. */
  events: ProgressEvent[];
  run: RunView;
}

/** Starts a run of every account and follows it to its final event (within `timeoutMs`). */
export async function syncToEnd(
  service: TestService,
  { months = 3, timeoutMs = 60_000 } = {},
): Promise<FinishedRun> {
  const executionId = await startSync(service, months);
  const events = await within(
    collectEvents(service.ws(), executionId, 0),
    `run ${executionId} to end`,
    timeoutMs,
  );
  const run = await getRun(service, executionId);
  return { executionId, events, run };
}

/**
 * The end every transient scenario must reach: the log complete and in order, the run and its
 * steps COMPLETED, and the database holding exactly the fake's data inside the window.
 */
export async function expectCompletedAsFake(
  service: TestService,
  finished: FinishedRun,
): Promise<void> {
  expectCompletedLog(finished.events);
  await expectRunCompleted(service, finished.executionId);
  expect(finished.events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', status: 'COMPLETED' });
  await expectStoredAsFake(service, service.fake.data.accounts, new Date(finished.run.windowStart));
}
