import { describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { TEST_ENGINES } from '../../support/databases.js';
import { slowInsightsWorlds } from '../../support/slow-insights-world.js';
import { startTestService, type TestService } from '../../support/service.js';
import { eventually } from '../../support/waiting.js';

const LOCK_LIFETIME_MS = 1_500;
/** One account-insights call that takes three lock lifetimes to answer (a long throttle wait, say). */
const WAIT_MS = LOCK_LIFETIME_MS * 3;

interface MediaRow {
  status: string;
  attempts: number;
  worker: string;
  started_at: string | Date;
  heartbeat_at: string | Date;
}

describe.each(TEST_ENGINES)('a Graph call longer than the lock lifetime on %s', (engine) => {
  const worlds = slowInsightsWorlds(engine);

  it('keeps the lock and the heartbeat alive during the call, so no second worker runs the step', async () => {
    const { db, fake, insightsPath } = await worlds.open(5, WAIT_MS);
    const start = async (): Promise<TestService> => {
      const service = await startTestService({
        engine,
        db,
        sharedFake: fake,
        app: { lockLifetimeMs: LOCK_LIFETIME_MS, processEveryMs: 100, accountConcurrency: 1 },
      });
      worlds.onStop(() => service.stop());
      return service;
    };
    const first = await start();
    await start();
    await first.connectAll();
    const launch = await first.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(months: 1) { executionId } }',
    );
    const runId = Number(launch.data!.startInstagramSync.executionId);
    const insightsRow = async () =>
      (
        await db.sequelize.query<MediaRow>(
          "SELECT status, attempts, worker, started_at, heartbeat_at FROM sync_step_accounts WHERE run_id = ? AND step = 'insights'",
          { replacements: [runId], type: QueryTypes.SELECT },
        )
      )[0];
    const pendingInsightsCall = () =>
      fake.requests.some((r) => r.path.endsWith(insightsPath) && r.status === 0);

    // While the one slow call is still unanswered, the owner's row heartbeat and Agenda lock
    // have both moved on by more than a lock lifetime: renewed inside the call, not per page.
    const renewed = await eventually(async () => {
      const row = await insightsRow();
      if (!row || !pendingInsightsCall()) return undefined;
      const startedAt = new Date(row.started_at).getTime();
      const { jobs } = await first.app.agenda.queryJobs({
        name: 'instagram-sync-account-step',
        data: { runId: String(runId), step: 'insights', userNo: 1 },
        limit: 1,
      });
      const lockedAt = jobs[0]?.lockedAt ? new Date(jobs[0].lockedAt).getTime() : 0;
      const heartbeatAge = new Date(row.heartbeat_at).getTime() - startedAt;
      return heartbeatAge > LOCK_LIFETIME_MS && lockedAt - startedAt > LOCK_LIFETIME_MS
        ? row
        : undefined;
    });
    expect(renewed).toMatchObject({ status: 'running', attempts: 1 });

    const done = await eventually(async () => {
      const [run] = await db.sequelize.query<{ status: string }>(
        'SELECT status FROM sync_runs WHERE id = ?',
        { replacements: [runId], type: QueryTypes.SELECT },
      );
      return run && ['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED'].includes(run.status)
        ? run.status
        : undefined;
    });
    expect(done).toBe('COMPLETED');
    expect(await insightsRow()).toMatchObject({
      status: 'completed',
      attempts: 1,
      worker: renewed.worker,
    });
  });
});
