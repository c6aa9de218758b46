import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agenda } from 'agenda';
import { ACCOUNT_STEP_JOB, defineJob, ensureQueued } from '../../../src/runs/job-registry.js';
import { createTestAgenda } from '../../support/agenda.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';
import { eventually, within } from '../../support/waiting.js';

/** Far longer than the test may take: nothing here may wait for Agenda's scan. */
const SCAN_EVERY_MS = 120_000;

describe('a worker whose account step ends', () => {
  let db: TestDatabase;
  let agenda: Agenda;
  const ran: number[] = [];
  let allRan: () => void = () => undefined;
  const threeRan = new Promise<void>((resolve) => {
    allRan = resolve;
  });

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    agenda = createTestAgenda(db.sequelize, 'free-slot-test', SCAN_EVERY_MS);
    defineJob(
      agenda,
      ACCOUNT_STEP_JOB,
      async (job) => {
        ran.push(job.attrs.data.userNo);
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (ran.length === 3) allRan();
      },
      { concurrency: 1, lockLimit: 1 },
    );
    await agenda.start();
  });

  afterAll(async () => {
    await agenda.stop();
    await db.drop();
  });

  it("takes the next waiting account step at once, not at Agenda's next scan", async () => {
    const startedAt = Date.now();
    for (const userNo of [1, 2, 3]) {
      await ensureQueued(agenda, ACCOUNT_STEP_JOB, { runId: '9', step: 'media', userNo });
    }
    // One slot, three jobs of 50 ms: well under a second, against two scans of two minutes.
    await within(threeRan, 'the three account steps', 10_000);
    expect([...ran].sort()).toEqual([1, 2, 3]);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });

  it('leaves no finished account step in the job table', async () => {
    const left = await eventually(async () => {
      const { jobs } = await agenda.queryJobs({ name: ACCOUNT_STEP_JOB });
      return jobs.length === 0 ? jobs : undefined;
    }, 5_000);
    expect(left).toEqual([]);
  });
});
