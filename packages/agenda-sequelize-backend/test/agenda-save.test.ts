import { describe, expect, it } from '@jest/globals';
import { Agenda } from 'agenda';
import { TEST_ENGINES } from './support/databases.js';
import { jobOf, secondsFromNow, useAgendaDatabase } from './support/fixtures.js';

describe.each(TEST_ENGINES)('saving Agenda jobs on %s', (engine) => {
  const ctx = useAgendaDatabase(engine);
  const repo = () => ctx.backend.repository;

  it('stores a new job with every field and reads it back the same', async () => {
    const when = secondsFromNow(60);
    const saved = await repo().saveJob(
      jobOf({
        name: 'full-job',
        priority: 10,
        nextRunAt: when,
        data: { userNo: 7, note: 'émoji 🧪', nested: { list: [1, 2] } },
        repeatInterval: '5 minutes',
        repeatTimezone: 'Asia/Seoul',
        startDate: when,
        skipDays: [0, 6],
        disabled: true,
      }),
      { lastModifiedBy: 'worker-1' },
    );
    const read = await repo().getJobById(String(saved._id));
    expect(read).toMatchObject({
      _id: saved._id,
      name: 'full-job',
      priority: 10,
      nextRunAt: when,
      type: 'normal',
      data: { userNo: 7, note: 'émoji 🧪', nested: { list: [1, 2] } },
      repeatInterval: '5 minutes',
      repeatTimezone: 'Asia/Seoul',
      startDate: when,
      skipDays: [0, 6],
      disabled: true,
      lastModifiedBy: 'worker-1',
    });
    expect(read?.lockedAt).toBeUndefined();
  });

  it('updates a job in place by id, and does not re-create one that was removed', async () => {
    const saved = await repo().saveJob(jobOf({ name: 'edit-me', data: { v: 1 } }), undefined);
    const updated = await repo().saveJob({ ...saved, priority: 20, data: { v: 2 } }, undefined);
    expect(updated).toMatchObject({ _id: saved._id, priority: 20, data: { v: 2 } });

    await repo().removeJobs({ id: saved._id });
    const afterRemoval = await repo().saveJob({ ...saved, data: { v: 3 } }, undefined);
    expect(afterRemoval.data).toEqual({ v: 3 });
    expect(await repo().getJobById(String(saved._id))).toBeNull();
  });

  it('keeps a failure through Job.save(), and clears it when a dashboard retries the job', async () => {
    const agenda = new Agenda({ backend: ctx.backend });
    const job = await agenda.create('flaky', { n: 1 }).schedule(secondsFromNow(60)).save();
    const failedAt = new Date();
    await repo().saveJobState(
      { ...job.attrs, failedAt, failCount: 1, failReason: 'boom' },
      undefined,
    );

    await job.schedule(secondsFromNow(120)).save();
    const kept = (await repo().queryJobs({ id: String(job.attrs._id) })).jobs[0]!;
    expect(kept).toMatchObject({ state: 'failed', failCount: 1, failReason: 'boom' });

    const retry = {
      ...kept,
      nextRunAt: new Date(),
      failedAt: undefined,
      failReason: undefined,
      failCount: undefined,
    };
    await repo().saveJob(retry, { lastModifiedBy: 'agendash' });
    const retried = (await repo().queryJobs({ id: String(job.attrs._id) })).jobs[0]!;
    expect(retried).toMatchObject({ state: 'queued', failCount: undefined, failReason: undefined });
  });

  it('keeps one row per single job however often and however concurrently it is saved', async () => {
    const saves = Array.from({ length: 12 }, (_, i) =>
      repo().saveJob(
        jobOf({ name: 'nightly', type: 'single', nextRunAt: secondsFromNow(60 + i), data: { i } }),
        undefined,
      ),
    );
    const saved = await Promise.all(saves);
    expect(new Set(saved.map((job) => job._id)).size).toBe(1);
    expect((await repo().queryJobs({ name: 'nightly' })).total).toBe(1);
  });

  it('does not pull a single job forward when it is saved again with a due run time', async () => {
    const later = secondsFromNow(3600);
    await repo().saveJob(jobOf({ name: 'recurring', type: 'single', nextRunAt: later }), undefined);
    const again = await repo().saveJob(
      jobOf({ name: 'recurring', type: 'single', nextRunAt: new Date(), priority: 5 }),
      undefined,
    );
    expect(again.nextRunAt).toEqual(later);
    expect(again.priority).toBe(5);
  });

  it('treats job names case-sensitively, as Mongo and Postgres do', async () => {
    await repo().saveJob(jobOf({ name: 'Report', type: 'single' }), undefined);
    await repo().saveJob(jobOf({ name: 'report', type: 'single' }), undefined);
    expect(await repo().getDistinctJobNames()).toEqual(['Report', 'report']);
  });

  it('matches a unique job by its data and never inserts a duplicate under concurrency', async () => {
    const save = (value: string) =>
      repo().saveJob(
        jobOf({ name: 'sync-user', data: { userNo: 42, value }, unique: { 'data.userNo': 42 } }),
        undefined,
      );
    const saved = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(save));
    expect(new Set(saved.map((job) => job._id)).size).toBe(1);
    const other = await repo().saveJob(
      jobOf({ name: 'sync-user', data: { userNo: '42' }, unique: { 'data.userNo': '42' } }),
      undefined,
    );
    expect(other._id).not.toBe(saved[0]?._id);
    expect((await repo().queryJobs({ name: 'sync-user' })).total).toBe(2);
  });

  it('keeps the first job untouched when unique() is insertOnly', async () => {
    const first = await repo().saveJob(
      jobOf({ name: 'once', data: { k: 1, v: 'first' }, unique: { 'data.k': 1 } }),
      undefined,
    );
    const second = await repo().saveJob(
      jobOf({
        name: 'once',
        data: { k: 1, v: 'second' },
        unique: { 'data.k': 1 },
        uniqueOpts: { insertOnly: true },
      }),
      undefined,
    );
    expect(second._id).toBe(first._id);
    expect(second.data).toEqual({ k: 1, v: 'first' });
  });

  it('binds unique() paths and values, so quotes and dots in them match literally', async () => {
    const tricky = { "it's": { 'a.b': 'x"); DROP TABLE agenda_jobs; --' } };
    const unique = { "data.it's": { 'a.b': 'x"); DROP TABLE agenda_jobs; --' } };
    const first = await repo().saveJob(jobOf({ name: 'tricky', data: tricky, unique }), undefined);
    const second = await repo().saveJob(jobOf({ name: 'tricky', data: tricky, unique }), undefined);
    expect(second._id).toBe(first._id);
    expect((await repo().queryJobs({ data: tricky })).total).toBe(1);
  });

  it('pushes a trailing debounced job back on every save until maxWait forces it', async () => {
    const debounced = (maxWait?: number) =>
      repo().saveJob(
        jobOf({
          name: 'reindex',
          data: { scope: 'all' },
          unique: { 'data.scope': 'all' },
          uniqueOpts: { debounce: { delay: 60_000, maxWait } },
        }),
        undefined,
      );
    const first = await debounced();
    expect(first.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(first.debounceStartedAt).toBeDefined();
    const forced = await debounced(1);
    expect(forced._id).toBe(first._id);
    expect(forced.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(forced.debounceStartedAt).toBeUndefined();
  });
});
