import { describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { TEST_ENGINES } from '../../support/databases.js';
import { slowInsightsWorlds } from '../../support/slow-insights-world.js';
import { startTestService } from '../../support/service.js';
import { eventually } from '../../support/waiting.js';

const LOCK_LIFETIME_MS = 1_500;

interface MediaRow {
  status: string;
  attempts: number;
  worker: string;
}

describe.each(TEST_ENGINES)('an account step whose owner went silent on %s', (engine) => {
  const worlds = slowInsightsWorlds(engine);

  it('is queued again by the driver and taken over, and the old owner cannot finish it', async () => {
    const { db, fake, insightsPath } = await worlds.open(9, LOCK_LIFETIME_MS * 2);
    const service = await startTestService({
      engine,
      db,
      sharedFake: fake,
      app: { lockLifetimeMs: LOCK_LIFETIME_MS, processEveryMs: 100, accountConcurrency: 1 },
    });
    worlds.onStop(() => service.stop());
    await service.connectAll();
    const launch = await service.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(months: 1) { executionId } }',
    );
    const runId = Number(launch.data!.startInstagramSync.executionId);
    const query = <T extends object>(sql: string, replacements: unknown[]) =>
      db.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
    const insightsRow = async () =>
      (
        await query<MediaRow>(
          "SELECT status, attempts, worker FROM sync_step_accounts WHERE run_id = ? AND step = 'insights'",
          [runId],
        )
      )[0];

    // While the owner waits in its slow call, its row is made to look like a crashed
    // process's: another worker name and a heartbeat long past. The owner's job then ends
    // without finishing the row (its fenced writes miss), so only the driver can revive it.
    await eventually(async () => {
      const pending = fake.requests.some((r) => r.path.endsWith(insightsPath) && r.status === 0);
      return pending && (await insightsRow())?.status === 'running' ? true : undefined;
    });
    await db.sequelize.query(
      "UPDATE sync_step_accounts SET worker = 'crashed-worker', heartbeat_at = ? WHERE run_id = ? AND step = 'insights'",
      { replacements: [new Date(Date.now() - 10 * LOCK_LIFETIME_MS), runId] },
    );

    const status = await eventually(async () => {
      const [run] = await query<{ status: string }>('SELECT status FROM sync_runs WHERE id = ?', [
        runId,
      ]);
      return run && run.status !== 'RUNNING' && run.status !== 'QUEUED' ? run.status : undefined;
    });
    expect(status).toBe('COMPLETED');
    const row = await insightsRow();
    expect(row).toMatchObject({ status: 'completed', attempts: 2 });
    expect(row!.worker).not.toBe('crashed-worker');
  });
});
