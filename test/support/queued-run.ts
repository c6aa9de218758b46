import type { Sequelize } from 'sequelize';
import { RunRepository } from '../../src/runs/store/run.repository.js';

/** A queued 1-month run of its own (one per target: give each test its own target). */
export async function queuedRun(
  sequelize: Sequelize,
  targetUserNo: number | null = null,
): Promise<string> {
  const created = await new RunRepository(sequelize).createRun(
    {
      jobName: 'instagramSyncJob',
      executionType: 'manual_async',
      targetUserNo,
      months: 1,
      windowStart: new Date(),
      windowEnd: new Date(),
      restartOf: null,
    },
    25,
  );
  if (created.kind !== 'created') throw new Error(`run not created: ${created.kind}`);
  return created.run.id;
}
