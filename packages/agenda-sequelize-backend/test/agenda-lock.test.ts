import { describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from './support/databases.js';
import { jobOf, secondsFromNow, useAgendaDatabase } from './support/fixtures.js';

const LOCK_LIFETIME_MS = 10 * 60 * 1000;

describe.each(TEST_ENGINES)('locking Agenda jobs on %s', (engine) => {
  const ctx = useAgendaDatabase(engine);
  const repo = () => ctx.backend.repository;
  const next = (name: string, now = new Date(), lifetimeMs = LOCK_LIFETIME_MS) =>
    repo().getNextJobToRun(
      name,
      new Date(now.getTime() + 5000),
      new Date(now.getTime() - lifetimeMs),
      now,
      { lastModifiedBy: 'worker-a' },
    );

  it('locks a job once: a second attempt fails until the job is unlocked', async () => {
    const saved = await repo().saveJob(
      jobOf({ name: 'cas', nextRunAt: secondsFromNow(-1) }),
      undefined,
    );
    const locked = await repo().lockJob(saved, { lastModifiedBy: 'worker-a' });
    expect(locked).toMatchObject({ _id: saved._id, lastModifiedBy: 'worker-a' });
    expect(locked?.lockedAt).toBeInstanceOf(Date);
    expect(await repo().lockJob(saved, undefined)).toBeUndefined();

    await repo().unlockJob(locked!);
    expect((await repo().getJobById(String(saved._id)))?.lockedAt).toBeUndefined();
    expect(await repo().lockJob(saved, undefined)).toBeDefined();
  });

  it('locks a job only if its nextRunAt is still the one the caller saw', async () => {
    const saved = await repo().saveJob(
      jobOf({ name: 'cas', nextRunAt: secondsFromNow(-1) }),
      undefined,
    );
    const rescheduled = await repo().saveJob(
      { ...saved, nextRunAt: secondsFromNow(30) },
      undefined,
    );
    expect(await repo().lockJob(saved, undefined)).toBeUndefined();
    expect(await repo().lockJob(rescheduled, undefined)).toBeDefined();
  });

  it('hands each due job to exactly one of many concurrent lockers', async () => {
    for (let i = 0; i < 10; i++) {
      await repo().saveJob(
        jobOf({ name: 'race', nextRunAt: secondsFromNow(-1), data: { i } }),
        undefined,
      );
    }
    const attempts = await Promise.all(Array.from({ length: 25 }, () => next('race')));
    const won = attempts.filter((job) => job !== undefined).map((job) => String(job!._id));
    expect(won).toHaveLength(10);
    expect(new Set(won).size).toBe(10);
  });

  it('picks the earliest due job first and, at the same time, the highest priority', async () => {
    const due = secondsFromNow(-60);
    await repo().saveJob(
      jobOf({ name: 'order', nextRunAt: due, priority: 5, data: { is: 'mid' } }),
      undefined,
    );
    await repo().saveJob(
      jobOf({ name: 'order', nextRunAt: due, priority: 10, data: { is: 'high' } }),
      undefined,
    );
    await repo().saveJob(
      jobOf({
        name: 'order',
        nextRunAt: secondsFromNow(-120),
        priority: -10,
        data: { is: 'oldest' },
      }),
      undefined,
    );
    const picked = [
      await next('order'),
      await next('order'),
      await next('order'),
      await next('order'),
    ];
    expect(picked.map((job) => (job?.data as { is: string } | undefined)?.is)).toEqual([
      'oldest',
      'high',
      'mid',
      undefined,
    ]);
  });

  it('skips disabled jobs, jobs of other names and jobs not due before the next scan', async () => {
    await repo().saveJob(
      jobOf({ name: 'skip', nextRunAt: secondsFromNow(-1), disabled: true }),
      undefined,
    );
    await repo().saveJob(jobOf({ name: 'skip', nextRunAt: secondsFromNow(60) }), undefined);
    await repo().saveJob(jobOf({ name: 'other', nextRunAt: secondsFromNow(-1) }), undefined);
    expect(await next('skip')).toBeUndefined();
    const soon = await repo().saveJob(
      jobOf({ name: 'skip', nextRunAt: secondsFromNow(2) }),
      undefined,
    );
    expect((await next('skip'))?._id).toBe(soon._id);
  });

  it('takes over a lock older than the lock lifetime, but not a fresh one', async () => {
    const saved = await repo().saveJob(jobOf({ name: 'stale', nextRunAt: null }), undefined);
    const lockedAt = new Date(Date.now() - 2000);
    await repo().saveJobState({ ...saved, lockedAt, lastRunAt: lockedAt }, undefined);

    expect(await next('stale', new Date(), 5000)).toBeUndefined();
    const takenOver = await next('stale', new Date(), 1000);
    expect(takenOver?._id).toBe(saved._id);
    expect(takenOver!.lockedAt!.getTime()).toBeGreaterThan(lockedAt.getTime());
    expect(await next('stale', new Date(), 1000)).toBeUndefined();
  });

  it('keeps the lock of a job mid-run when asked to unlock it, and unlocks many by id', async () => {
    const running = await repo().saveJob(jobOf({ name: 'run', nextRunAt: null }), undefined);
    await repo().saveJobState({ ...running, lockedAt: new Date() }, undefined);
    await repo().unlockJob(running);
    expect((await repo().getJobById(String(running._id)))?.lockedAt).toBeInstanceOf(Date);

    const other = await repo().saveJob(
      jobOf({ name: 'run', nextRunAt: secondsFromNow(-1) }),
      undefined,
    );
    await repo().lockJob(other, undefined);
    await repo().unlockJobs([running._id!, other._id!, 'not-an-id']);
    const { jobs } = await repo().queryJobs({ name: 'run' });
    expect(jobs.map((job) => job.lockedAt)).toEqual([undefined, undefined]);
  });

  it('records run state, and refuses to record it for a job that no longer exists', async () => {
    const saved = await repo().saveJob(jobOf({ name: 'state' }), undefined);
    const at = new Date();
    const state = { ...saved, lastRunAt: at, lastFinishedAt: at, failedAt: at, failCount: 2 };
    await repo().saveJobState({ ...state, failReason: 'boom', progress: 50 }, undefined);
    await repo().saveJobState({ ...state, failReason: 'boom', progress: 50 }, undefined);
    expect(await repo().getJobById(String(saved._id))).toMatchObject({
      lastRunAt: at,
      failCount: 2,
      failReason: 'boom',
      progress: 50,
    });
    await repo().removeJobs({ id: saved._id });
    await expect(repo().saveJobState(state, undefined)).rejects.toThrow(/does not exist/);
  });
});
