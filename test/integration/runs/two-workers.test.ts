import { afterAll, describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { TEST_ENGINES } from '../../support/databases.js';
import { collectEvents } from '../../support/service.js';
import { startServiceCluster, type ServiceCluster } from '../../support/service-cluster.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(TEST_ENGINES)(
  'an API process and two worker processes on one %s database with Redis',
  (engine) => {
    let cluster: ServiceCluster | undefined;
    afterAll(async () => {
      await cluster?.stop();
    });

    it('share one run, stream its events live to the API subscriber, and keep one nightly schedule', async () => {
      cluster = await startServiceCluster({
        engine,
        fake: { accounts: 6, media: 8, comments: 3, seed: 21, latencyMs: 30 },
        env: { REDIS_URL },
        app: { accountConcurrency: 1 },
      });
      const { db } = cluster;
      const api = await cluster.start('api');
      await cluster.start('worker');
      await cluster.start('worker');
      await api.connectAll();

      const launch = await api.gql<{ startInstagramSync: { executionId: string } }>(
        'mutation { startInstagramSync(months: 1) { executionId } }',
      );
      const executionId = launch.data!.startInstagramSync.executionId;
      const events = await collectEvents(api.ws(), executionId);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', status: 'COMPLETED' });
      expect(events.filter((e) => e.type === 'STEP_COMPLETED').map((e) => e.progress)).toEqual(
        ['profile', 'media', 'comments', 'insights'].map(() => ({
          done: 6,
          total: 6,
          items: expect.any(Number),
        })),
      );

      const workers = await db.sequelize.query<{ worker: string }>(
        'SELECT DISTINCT worker FROM sync_step_accounts WHERE run_id = ?',
        {
          replacements: [Number(executionId)],
          type: QueryTypes.SELECT,
        },
      );
      expect(workers).toHaveLength(2);
      expect(workers.every((w) => w.worker.includes(':worker-'))).toBe(true);

      const scheduled = await api.app.agenda.queryJobs({ name: 'instagram-sync-scheduled' });
      expect(scheduled.total).toBe(1);
    });
  },
);
