import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEEP_SCHEDULED_JOB, SCHEDULED_JOB } from '../../../src/runs/job-registry.js';
import { startTestService, type TestService } from '../../support/service.js';
import { eventually } from '../../support/waiting.js';

const RUNS = '{ batchExecutions(first: 10) { edges { node { executionType monthsToSync } } } }';
type Runs = {
  batchExecutions: { edges: Array<{ node: { executionType: string; monthsToSync: number } }> };
};

describe('the recurring syncs', () => {
  let service: TestService;
  let second: TestService;

  beforeAll(async () => {
    service = await startTestService({
      engine: 'sqlite',
      fake: { accounts: 1, media: 3, comments: 1 },
    });
    // A second process on the same database schedules the same jobs again.
    second = await startTestService({ engine: 'sqlite', db: service.db, sharedFake: service.fake });
    await service.connectAll();
  });

  afterAll(async () => {
    await second?.stop();
    await service?.stop();
  });

  it('are one nightly and one weekly deep job, however many processes start, none run at start-up', async () => {
    const [nightly, deep] = await Promise.all(
      [SCHEDULED_JOB, DEEP_SCHEDULED_JOB].map((name) => service.app.agenda.queryJobs({ name })),
    );
    expect(nightly!.total).toBe(1);
    expect(deep!.total).toBe(1);
    // Sunday 03:00 in Asia/Seoul is Saturday 18:00 UTC.
    const next = new Date(deep!.jobs[0]!.nextRunAt!);
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([6, 18, 0]);
    const runs = await service.gql<Runs>(RUNS);
    expect(runs.data!.batchExecutions.edges).toEqual([]);
  });

  it('batchStatus lists both schedules with their next start, soonest first', async () => {
    const status = await service.gql<{
      batchStatus: {
        nextRunAt: string;
        schedules: Array<{ name: string; cron: string; months: number; nextRunAt: string }>;
      };
    }>('{ batchStatus { nextRunAt schedules { name cron months nextRunAt } } }');
    const { nextRunAt, schedules } = status.data!.batchStatus;
    const byName = Object.fromEntries(schedules.map((s) => [s.name, s]));
    expect(byName.nightly).toMatchObject({ cron: '0 2 * * *', months: 1, nextRunAt });
    expect(byName.deep).toMatchObject({ cron: '0 3 * * 0', months: 12 });
    // Sunday 03:00 in Asia/Seoul is Saturday 18:00 UTC.
    const deep = new Date(byName.deep!.nextRunAt);
    expect([deep.getUTCDay(), deep.getUTCHours()]).toEqual([6, 18]);
    const starts = schedules.map((s) => Date.parse(s.nextRunAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('the deep job starts a scheduled 12-month run of every account', async () => {
    await service.app.agenda.now(DEEP_SCHEDULED_JOB, {});
    const run = await eventually(async () => {
      const runs = await service.gql<Runs>(RUNS);
      return runs.data!.batchExecutions.edges[0]?.node;
    });
    expect(run).toEqual({ executionType: 'scheduled', monthsToSync: 12 });
  });
});
