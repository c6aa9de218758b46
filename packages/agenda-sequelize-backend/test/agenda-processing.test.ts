import { afterEach, describe, expect, it } from '@jest/globals';
import { Agenda, type Job } from 'agenda';
import { TEST_ENGINES } from './support/databases.js';
import { secondsFromNow, useAgendaDatabase, waitFor } from './support/fixtures.js';

/** Short lock lifetime: Agenda's per-job watchdog timer lives lockLifetime/2 past a run. */
const LOCK_LIFETIME_MS = 2000;

describe.each(TEST_ENGINES)('running jobs through Agenda on %s', (engine) => {
  const ctx = useAgendaDatabase(engine);
  const started: Agenda[] = [];

  function agendaWith(options: Partial<ConstructorParameters<typeof Agenda>[0]> = {}) {
    const agenda = new Agenda({
      backend: ctx.backend,
      processEvery: 50,
      defaultLockLifetime: LOCK_LIFETIME_MS,
      ...options,
    });
    started.push(agenda);
    return agenda;
  }

  afterEach(async () => {
    await Promise.all(started.splice(0).map((agenda) => agenda.stop()));
  });

  it('runs due jobs earliest first and then by priority when it may lock one at a time', async () => {
    const agenda = agendaWith({ lockLimit: 1 });
    const order: string[] = [];
    agenda.define('ordered', async (job: Job<{ label: string }>) => {
      order.push(job.attrs.data.label);
    });
    const due = secondsFromNow(-10);
    for (const [label, priority, at] of [
      ['low', -5, due],
      ['high', 10, due],
      ['normal', 0, due],
      ['first', -20, secondsFromNow(-20)],
    ] as const) {
      const job = agenda.create('ordered', { label }).priority(priority);
      job.attrs.nextRunAt = at;
      await job.save();
    }
    await agenda.start();
    await waitFor(() => order.length === 4, 'four runs');
    expect(order).toEqual(['first', 'high', 'normal', 'low']);
  });

  it('never runs more copies of a job at once than its concurrency allows', async () => {
    const agenda = agendaWith();
    let running = 0;
    let peak = 0;
    let done = 0;
    agenda.define(
      'limited',
      async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
        done++;
      },
      { concurrency: 2 },
    );
    await agenda.start();
    await Promise.all(Array.from({ length: 6 }, () => agenda.now('limited')));
    await waitFor(() => done === 6, 'six runs');
    expect(peak).toBe(2);
  });

  it("with logging: true, stores each run's lifecycle in the log table", async () => {
    const agenda = agendaWith({ logging: true });
    agenda.define('logged', async () => {});
    await agenda.start();
    const job = await agenda.now('logged');
    const events = async () =>
      (await agenda.getLogs({ jobId: String(job.attrs._id), sort: 'asc' })).entries.map(
        (e) => e.event,
      );
    await waitFor(async () => (await events()).includes('complete'), 'the complete log entry');
    expect(await events()).toEqual(
      expect.arrayContaining(['locked', 'start', 'success', 'complete']),
    );
  });

  it('keeps one recurring job when two processes declare the same every() at once', async () => {
    const [a, b] = [agendaWith(), agendaWith()];
    await Promise.all([a.every('5 minutes', 'heartbeat'), b.every('5 minutes', 'heartbeat')]);
    const { jobs } = await a.queryJobs({ name: 'heartbeat' });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.repeatInterval).toBe('5 minutes');
  });

  it('on stop(), releases jobs it had locked but not started, and the running one stays locked', async () => {
    const agenda = agendaWith();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    agenda.define('slow', () => released, { concurrency: 1 });
    await Promise.all([1, 2, 3].map((n) => agenda.now('slow', { n })));
    const startedRun = new Promise((resolve) => agenda.once('start:slow', resolve));
    await agenda.start();
    await startedRun;
    await waitFor(
      async () => (await agenda.getRunningStats()).lockedJobs === 3,
      'all three locked',
    );

    await agenda.stop();
    const { jobs: after } = await agenda.queryJobs({ name: 'slow' });
    expect(after.filter((job) => job.lockedAt).length).toBe(1);
    release();
    await waitFor(
      async () => (await agenda.queryJobs({ name: 'slow', state: 'running' })).total === 0,
      'the running job to finish and unlock itself',
    );
  });
});
