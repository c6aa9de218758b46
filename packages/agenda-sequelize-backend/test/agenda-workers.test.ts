import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Agenda } from 'agenda';
import { DataTypes, QueryTypes, type Sequelize } from 'sequelize';
import { SequelizeBackend } from '@instagram-sync/agenda-sequelize-backend';
import { createRedisNotificationChannel } from '@instagram-sync/agenda-sequelize-backend/redis';
import { jobOf, waitFor, within } from './support/fixtures.js';
import { spawnWorker, stopWorkers, type WorkerProcess } from './support/processes.js';
import { createTestDatabase, TEST_ENGINES } from './support/databases.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function createRunsTable(sequelize: Sequelize): Promise<void> {
  await sequelize.getQueryInterface().createTable('agenda_test_runs', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    job_id: { type: DataTypes.STRING(32), allowNull: false },
    worker: { type: DataTypes.STRING(32), allowNull: false },
    phase: { type: DataTypes.STRING(8), allowNull: false },
  });
}

type Run = { job_id: string; worker: string; phase: 'start' | 'finish' };

if (TEST_ENGINES.includes('mysql')) {
  describe('four worker processes sharing one MariaDB jobs table', () => {
    it('run each of 500 jobs once, and finish the job of a worker SIGKILLed mid-run after its lock expires', async () => {
      const db = await createTestDatabase('mysql');
      const workers: WorkerProcess[] = [];
      try {
        await createRunsTable(db.sequelize);
        // Long enough that no lock of a 20 ms job expires while a loaded machine stalls a
        // worker (an expired lock lets a job run again: at least once, not once).
        const env = {
          DATABASE_URL: db.url,
          LOCK_LIFETIME_MS: '8000',
          PROCESS_EVERY_MS: '100',
          LOCK_LIMIT: '5',
        };
        for (let i = 1; i <= 4; i++) workers.push(spawnWorker({ ...env, WORKER_NAME: `w${i}` }));
        await within(Promise.all(workers.map((w) => w.ready)), 'four ready workers');

        const repo = new SequelizeBackend({ sequelize: db.sequelize }).repository;
        for (let batch = 0; batch < 10; batch++) {
          await Promise.all(
            Array.from({ length: 50 }, (_, i) =>
              repo.saveJob(
                jobOf({ name: 'count-once', data: { ms: 20, block: batch * 50 + i === 100 } }),
                undefined,
              ),
            ),
          );
        }
        const { worker: victim, jobId: blockedJob } = await within(
          Promise.race(workers.map((w) => w.blocked)),
          'a worker to start the blocking job',
        );
        victim.child.kill('SIGKILL');
        await victim.exited;

        const finished = async () => {
          const [row] = await db.sequelize.query<{ n: number }>(
            "SELECT COUNT(*) AS n FROM agenda_test_runs WHERE phase = 'finish'",
            { type: QueryTypes.SELECT },
          );
          return Number(row?.n);
        };
        await waitFor(async () => (await finished()) >= 500, '500 finished jobs', 45_000);
        // A handler's last line runs before Agenda saves the job as completed: stopping the
        // workers in between would leave that job locked, so wait for the saves too.
        const unfinished = async () =>
          (await repo.queryJobs({ name: 'count-once' })).jobs.filter(
            (job) => job.state !== 'completed',
          );
        await waitFor(async () => (await unfinished()).length === 0, 'every job completed', 15_000);
        await stopWorkers(workers.filter((w) => w !== victim));

        const runs = await db.sequelize.query<Run>(
          'SELECT job_id, worker, phase FROM agenda_test_runs',
          {
            type: QueryTypes.SELECT,
          },
        );
        const finishes = runs.filter((r) => r.phase === 'finish');
        expect(new Set(finishes.map((r) => r.job_id)).size).toBe(500);
        // A job runs twice only because of the killed worker: it was running there, or it had
        // finished there and the kill came before Agenda saved it completed (at least once).
        const byJob = (phase: string) => {
          const map = new Map<string, Run[]>();
          for (const run of runs.filter((r) => r.phase === phase)) {
            map.set(run.job_id, [...(map.get(run.job_id) ?? []), run]);
          }
          return map;
        };
        const finishesByJob = byJob('finish');
        for (const [jobId, starts] of byJob('start')) {
          const onVictim = starts.filter((s) => s.worker === victim.name).length;
          const done = finishesByJob.get(jobId) ?? [];
          const doneElsewhere = done.filter((f) => f.worker !== victim.name).length;
          expect({
            jobId,
            onVictim: Math.min(onVictim, 1),
            doneElsewhere: Math.min(doneElsewhere, 1),
          }).toEqual({ jobId, onVictim, doneElsewhere });
          expect({ jobId, starts: starts.length }).toEqual({
            jobId,
            starts: onVictim + doneElsewhere,
          });
        }
        expect(finishes.find((f) => f.job_id === blockedJob)?.worker).not.toBe(victim.name);
        expect(new Set(runs.map((r) => r.worker)).size).toBe(4);
        expect(await unfinished()).toEqual([]);
      } finally {
        await stopWorkers(workers);
        await db.drop();
      }
    });
  });
}

describe.each(TEST_ENGINES)('a worker process notified through Redis on %s', (engine) => {
  it('runs a job saved by another process without waiting for its 10-minute poll', async () => {
    const db = await createTestDatabase(engine);
    const channelName = `agenda-test:${randomBytes(6).toString('hex')}`;
    const channel = createRedisNotificationChannel(REDIS_URL, channelName);
    const workers: WorkerProcess[] = [];
    try {
      await createRunsTable(db.sequelize);
      workers.push(
        spawnWorker({
          DATABASE_URL: db.url,
          WORKER_NAME: 'listener',
          PROCESS_EVERY_MS: String(10 * 60 * 1000),
          REDIS_URL,
          REDIS_CHANNEL: channelName,
        }),
      );
      await within(workers[0]!.ready, 'the listener to be ready');

      const producer = new Agenda({
        backend: new SequelizeBackend({ sequelize: db.sequelize }),
        notificationChannel: channel,
      });
      await channel.connect();
      const job = await producer.now('count-once', { ms: 0 });
      expect(await within(workers[0]!.ran, 'the notified run')).toBe(String(job.attrs._id));
    } finally {
      await channel.disconnect();
      await stopWorkers(workers);
      await db.drop();
    }
  });
});
