import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agenda } from 'agenda';
import {
  ACCOUNT_STEP_JOB,
  defineJob,
  ensureAllQueued,
  ensureQueued,
  RUN_JOB,
  SCHEDULED_JOB,
} from '../../../src/runs/job-registry.js';
import { createTestAgenda } from '../../support/agenda.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';

/**
 * Never called: it only has to compile. Each `@ts-expect-error` fails `npm run typecheck` the
 * day the registry stops refusing that wrong payload.
 */
export function wrongPayloadsDoNotCompile(agenda: Agenda): void {
  // @ts-expect-error a run job carries a runId, not a userNo
  void ensureQueued(agenda, RUN_JOB, { userNo: 1 });
  // @ts-expect-error an account step needs its step and userNo
  void ensureQueued(agenda, ACCOUNT_STEP_JOB, { runId: '1' });
  // @ts-expect-error the step is one of the four step names
  void ensureQueued(agenda, ACCOUNT_STEP_JOB, { runId: '1', step: 'stories', userNo: 1 });
  // @ts-expect-error a job name the registry does not declare
  void ensureQueued(agenda, 'instagram-sync-typo', { runId: '1' });
  defineJob(agenda, RUN_JOB, async (job) => {
    // @ts-expect-error the handler's payload is the run job's: it has no userNo
    void job.attrs.data.userNo;
  });
}

describe('the job registry', () => {
  let db: TestDatabase;
  let agenda: Agenda;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    agenda = createTestAgenda(db.sequelize, 'job-registry-test', 60_000);
    await agenda.ready;
  });

  afterAll(async () => {
    await agenda.stop();
    await db.drop();
  });

  it('queues a job once with exactly its payload, however often a resumed driver asks', async () => {
    const payload = { runId: '7', step: 'media', userNo: 3 } as const;
    await ensureQueued(agenda, ACCOUNT_STEP_JOB, payload);
    await ensureQueued(agenda, ACCOUNT_STEP_JOB, payload);
    await ensureQueued(agenda, ACCOUNT_STEP_JOB, { ...payload, userNo: 4 });
    const { jobs } = await agenda.queryJobs({ name: ACCOUNT_STEP_JOB });
    const payloads = jobs.map((job) => job.data as typeof payload);
    expect(payloads.sort((a, b) => a.userNo - b.userNo)).toEqual([
      payload,
      { ...payload, userNo: 4 },
    ]);
    expect((await agenda.queryJobs({ name: SCHEDULED_JOB })).jobs).toEqual([]);
  });

  it("queues a whole step's accounts together, each once, leaving those already queued", async () => {
    const step = { runId: '8', step: 'profile' } as const;
    await ensureQueued(agenda, ACCOUNT_STEP_JOB, { ...step, userNo: 5 });
    const userNos = Array.from({ length: 20 }, (_, i) => i + 1);
    await ensureAllQueued(
      agenda,
      ACCOUNT_STEP_JOB,
      userNos.map((userNo) => ({ ...step, userNo })),
    );
    const { jobs } = await agenda.queryJobs({ name: ACCOUNT_STEP_JOB, data: step });
    const queued = jobs.map((job) => (job.data as { userNo: number }).userNo);
    expect(queued.sort((a, b) => a - b)).toEqual(userNos);
  });
});
