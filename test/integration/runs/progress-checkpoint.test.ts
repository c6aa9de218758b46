import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { CHECKPOINT_FLUSH_MS, ProgressCheckpoint } from '../../../src/runs/progress-checkpoint.js';
import { RunRepository } from '../../../src/runs/store/run.repository.js';
import { StepAccountRepository } from '../../../src/runs/store/step-account.repository.js';
import {
  StepAccountClaimRepository,
  type StepClaim,
} from '../../../src/runs/store/step-account-claim.repository.js';
import { WorkerLifecycle } from '../../../src/runs/worker-lifecycle.js';
import { RunCancelledError } from '../../../src/sync/step.contract.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';
import { queuedRun } from '../../support/queued-run.js';

describe.each(TEST_ENGINES)('an account step’s checkpoints on %s', (engine) => {
  let db: TestDatabase;
  let runs: RunRepository;
  let rows: StepAccountRepository;
  let claims: StepAccountClaimRepository;
  let claim: StepClaim;
  let clock: number;
  let progress: ProgressCheckpoint;
  const stored = async () => (await rows.stepAccounts(claim.runId, claim.step))[0]!;

  beforeEach(async () => {
    db = await createTestDatabase(engine);
    runs = new RunRepository(db.sequelize);
    rows = new StepAccountRepository(db.sequelize);
    claims = new StepAccountClaimRepository(db.sequelize);
    const runId = await queuedRun(db.sequelize);
    const key = { runId, step: 'comments' as const, userNo: 7 };
    await rows.addStepAccounts(key.runId, key.step, [key.userNo]);
    claim = (await claims.claim(key, 'worker-a', 60_000))!;
    clock = 1_000_000;
    const lifecycle = new WorkerLifecycle();
    progress = new ProgressCheckpoint({ runs, claims, lifecycle, now: () => clock }, claim);
  });
  afterEach(async () => {
    await db.drop();
  });

  it('writes the counts at most once per flush interval, and every count in the end', async () => {
    await progress.checkpoint({ read: 10, written: 10 });
    for (let i = 0; i < 20; i += 1) {
      clock += 10;
      await progress.checkpoint({ read: 5, written: 4, skipped: 1 });
    }
    expect(await stored()).toMatchObject({ readCount: 10, writeCount: 10, skipCount: 0 });

    clock += CHECKPOINT_FLUSH_MS;
    await progress.checkpoint({ read: 1 });
    expect(await stored()).toMatchObject({ readCount: 111, writeCount: 90, skipCount: 20 });
    expect(progress.totals).toEqual({ read: 111, written: 90, skipped: 20 });
  });

  it('notices a cancelled run at the next flush', async () => {
    await progress.checkpoint({ read: 1 });
    await runs.requestCancel(claim.runId);
    clock += CHECKPOINT_FLUSH_MS - 1;
    await expect(progress.checkpoint({ read: 1 })).resolves.toBeUndefined();
    clock += 1;
    await expect(progress.checkpoint({ read: 1 })).rejects.toBeInstanceOf(RunCancelledError);
  });
});
