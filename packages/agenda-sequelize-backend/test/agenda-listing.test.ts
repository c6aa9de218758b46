import { describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from './support/databases.js';
import { jobOf, secondsFromNow, useAgendaDatabase } from './support/fixtures.js';

describe.each(TEST_ENGINES)('listing and managing Agenda jobs on %s', (engine) => {
  const ctx = useAgendaDatabase(engine);
  const repo = () => ctx.backend.repository;

  /** One job in each state Agendash shows, for `mail`, plus one paused `report` job. */
  async function seedStates() {
    const past = secondsFromNow(-60);
    const save = (job: Parameters<typeof jobOf>[0]) => repo().saveJob(jobOf(job), undefined);
    await save({ name: 'mail', nextRunAt: secondsFromNow(3600), data: { state: 'scheduled' } });
    await save({ name: 'mail', nextRunAt: past, data: { state: 'queued' } });
    await save({
      name: 'mail',
      nextRunAt: null,
      lastFinishedAt: past,
      data: { state: 'completed' },
    });
    await save({
      name: 'mail',
      nextRunAt: null,
      failedAt: past,
      lastFinishedAt: past,
      data: { state: 'failed' },
    });
    await save({
      name: 'mail',
      type: 'single',
      repeatInterval: '1 hour',
      data: { state: 'repeating' },
    });
    await save({ name: 'mail', nextRunAt: past, lockedAt: new Date(), data: { state: 'running' } });
    await save({ name: 'report', nextRunAt: past, disabled: true, data: { state: 'queued' } });
  }

  it('computes each job state the way Agenda does and filters on it in the database', async () => {
    await seedStates();
    for (const state of [
      'scheduled',
      'queued',
      'completed',
      'failed',
      'repeating',
      'running',
    ] as const) {
      const { jobs, total } = await repo().queryJobs({ name: 'mail', state });
      expect({ state, total, data: jobs.map((job) => job.data) }).toEqual({
        state,
        total: 1,
        data: [{ state }],
      });
      expect(jobs[0]?.state).toBe(state);
    }
    const paused = await repo().queryJobs({ state: 'paused' });
    expect(paused.jobs.map((job) => job.name)).toEqual(['report']);
  });

  it('counts every state per job name for the dashboard overview', async () => {
    await seedStates();
    expect(await repo().getJobsOverview()).toEqual([
      {
        name: 'mail',
        total: 6,
        running: 1,
        scheduled: 1,
        queued: 1,
        completed: 1,
        failed: 1,
        repeating: 1,
        paused: 0,
      },
      {
        name: 'report',
        total: 1,
        running: 0,
        scheduled: 0,
        queued: 1,
        completed: 0,
        failed: 0,
        repeating: 0,
        paused: 1,
      },
    ]);
  });

  it('searches names case-insensitively, filters by data, sorts and pages after counting', async () => {
    for (let i = 1; i <= 5; i++) {
      await repo().saveJob(
        jobOf({ name: `Sync-Account-${i}`, priority: i, data: { userNo: i % 2 } }),
        undefined,
      );
    }
    await repo().saveJob(jobOf({ name: '100%_literal' }), undefined);
    const page = await repo().queryJobs({
      search: 'sync-acc',
      sort: { priority: 'desc' },
      skip: 1,
      limit: 2,
    });
    expect(page.total).toBe(5);
    expect(page.jobs.map((job) => job.priority)).toEqual([4, 3]);
    expect((await repo().queryJobs({ data: { userNo: 1 } })).total).toBe(3);
    expect((await repo().queryJobs({ search: '0%_' })).jobs.map((job) => job.name)).toEqual([
      '100%_literal',
    ]);
    expect((await repo().queryJobs({ search: '%' })).total).toBe(1);
  });

  it('disables and enables matching jobs, counting only the ones that changed', async () => {
    const a = await repo().saveJob(jobOf({ name: 'pause-me', data: { group: 'x' } }), undefined);
    await repo().saveJob(jobOf({ name: 'pause-me', data: { group: 'y' } }), undefined);
    await repo().saveJob(jobOf({ name: 'keep-running' }), undefined);

    expect(await repo().disableJobs({ name: 'pause-me', data: { group: 'x' } })).toBe(1);
    expect(await repo().disableJobs({ name: 'pause-me' })).toBe(1);
    expect(await repo().disableJobs({})).toBe(0);
    expect((await repo().queryJobs({ includeDisabled: false })).jobs.map((j) => j.name)).toEqual([
      'keep-running',
    ]);
    expect(await repo().enableJobs({ ids: [a._id!] })).toBe(1);
    expect(await repo().enableJobs({ ids: [a._id!] })).toBe(0);
  });

  it('removes jobs by id, name, names or all names but some, and purges everything', async () => {
    for (const name of ['a', 'a', 'b', 'c', 'd']) {
      await repo().saveJob(jobOf({ name }), undefined);
    }
    expect(await repo().removeJobs({})).toBe(0);
    expect(await repo().removeJobs({ name: 'a' })).toBe(2);
    expect(await repo().removeJobs({ notNames: ['b', 'c'] })).toBe(1);
    expect(await repo().removeJobs({ id: 'no-such-id' })).toBe(0);
    expect(await repo().getDistinctJobNames()).toEqual(['b', 'c']);
    expect(await repo().removeJobs({ names: ['b', 'x'] })).toBe(1);
    await repo().saveJob(jobOf({ name: 'later', nextRunAt: secondsFromNow(60) }), undefined);
    expect(await repo().getQueueSize()).toBe(1);
    expect(await repo().purgeAllJobs()).toBe(2);
    expect((await repo().queryJobs()).total).toBe(0);
  });

  it('writes the job log table and reads it back filtered, newest first', async () => {
    const logger = ctx.backend.logger!;
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    await logger.log({
      timestamp: at(1),
      level: 'info',
      event: 'start',
      jobName: 'mail',
      jobId: '1',
      message: 'started',
    });
    await logger.log({
      timestamp: at(2),
      level: 'error',
      event: 'fail',
      jobName: 'mail',
      jobId: '1',
      message: 'failed',
      error: 'boom',
      failCount: 1,
      meta: { attempt: 1 },
    });
    await logger.log({
      timestamp: at(3),
      level: 'info',
      event: 'start',
      jobName: 'report',
      message: 'started',
    });

    const mail = await logger.getLogs({ jobName: 'mail' });
    expect(mail.total).toBe(2);
    expect(mail.entries.map((e) => e.event)).toEqual(['fail', 'start']);
    expect(mail.entries[0]).toMatchObject({
      error: 'boom',
      failCount: 1,
      meta: { attempt: 1 },
      timestamp: at(2),
    });
    expect((await logger.getLogs({ level: ['error', 'warn'] })).total).toBe(1);
    expect(
      (await logger.getLogs({ from: at(2), sort: 'asc', limit: 1 })).entries[0]?.timestamp,
    ).toEqual(at(2));
    expect(await logger.clearLogs({ jobName: 'mail' })).toBe(2);
    expect((await logger.getLogs()).total).toBe(1);
  });
});
