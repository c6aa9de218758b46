import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Sequelize } from 'sequelize';
import { openDatabase } from '../../../src/db/connection.js';
import { StepAccountRepository } from '../../../src/runs/store/step-account.repository.js';
import {
  StepAccountClaimRepository,
  type StepClaim,
} from '../../../src/runs/store/step-account-claim.repository.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';

const LOCK_LIFETIME_MS = 60_000;
const key = { runId: '1', step: 'media' as const, userNo: 7 };
const counts = { read: 3, written: 3, skipped: 0 };

describe.each(TEST_ENGINES)('claiming an account step on %s', (engine) => {
  let db: TestDatabase;
  let other: Sequelize;
  let rows: StepAccountRepository;
  let first: StepAccountClaimRepository;
  let second: StepAccountClaimRepository;
  const row = async () => (await rows.stepAccounts(key.runId, key.step))[0]!;

  beforeEach(async () => {
    db = await createTestDatabase(engine);
    // A second connection, as a second worker process has.
    other = await openDatabase(db.url);
    rows = new StepAccountRepository(db.sequelize);
    first = new StepAccountClaimRepository(db.sequelize);
    second = new StepAccountClaimRepository(other);
    await rows.addStepAccounts(key.runId, key.step, [key.userNo]);
  });
  afterEach(async () => {
    await other.close();
    await db.drop();
  });

  it('lets exactly one of two racing workers claim a pending row', async () => {
    const claims = await Promise.all([
      first.claim(key, 'worker-a', LOCK_LIFETIME_MS),
      second.claim(key, 'worker-b', LOCK_LIFETIME_MS),
    ]);
    const winners = claims.filter((c): c is StepClaim => c !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.attempt).toBe(1);
    expect(await row()).toMatchObject({
      status: 'running',
      attempts: 1,
      worker: winners[0]!.worker,
    });
  });

  it('leaves a row alone while its owner is alive, and takes it over once the heartbeat is stale', async () => {
    const start = new Date('2026-12-02T10:00:00Z');
    const owner = await first.claim(key, 'worker-a', LOCK_LIFETIME_MS, start);
    expect(owner).not.toBeNull();
    const later = new Date(start.getTime() + LOCK_LIFETIME_MS - 1);
    expect(await second.claim(key, 'worker-b', LOCK_LIFETIME_MS, later)).toBeNull();
    expect(await row()).toMatchObject({ worker: 'worker-a', attempts: 1 });

    const renewedAt = new Date(start.getTime() + LOCK_LIFETIME_MS / 2);
    expect(await first.renew(owner!, renewedAt)).toBe(true);
    const afterStart = new Date(start.getTime() + LOCK_LIFETIME_MS + 1);
    expect(await second.claim(key, 'worker-b', LOCK_LIFETIME_MS, afterStart)).toBeNull();

    const stale = new Date(renewedAt.getTime() + LOCK_LIFETIME_MS + 1);
    const taker = await second.claim(key, 'worker-b', LOCK_LIFETIME_MS, stale);
    expect(taker).toEqual({ ...key, worker: 'worker-b', attempt: 2 });
    expect(await row()).toMatchObject({ status: 'running', worker: 'worker-b', attempts: 2 });
    expect(await second.staleRunning(key.runId, key.step, LOCK_LIFETIME_MS, stale)).toEqual([]);
  });

  it("ignores a zombie's counts, heartbeat and finish once another worker owns the row", async () => {
    const start = new Date('2026-12-02T10:00:00Z');
    const zombie = (await first.claim(key, 'worker-a', LOCK_LIFETIME_MS, start))!;
    const stale = new Date(start.getTime() + LOCK_LIFETIME_MS + 1);
    const owner = (await second.claim(key, 'worker-b', LOCK_LIFETIME_MS, stale))!;
    await second.addCounts(owner, { read: 1, written: 1, skipped: 0 });

    await first.addCounts(zombie, { read: 100, written: 100, skipped: 0 });
    expect(await first.renew(zombie)).toBe(false);
    expect(await first.finish(zombie, { status: 'failed', errorCode: 'X', counts })).toBe(false);
    expect(await row()).toMatchObject({ status: 'running', worker: 'worker-b', readCount: 1 });

    expect(await second.finish(owner, { status: 'completed', counts })).toBe(true);
    expect(await row()).toMatchObject({
      status: 'completed',
      worker: 'worker-b',
      attempts: 2,
      readCount: 3,
      writeCount: 3,
      errorCode: null,
    });
  });

  it('fences on the attempt too: the same worker name with an older attempt changes nothing', async () => {
    const start = new Date('2026-12-02T10:00:00Z');
    const old = (await first.claim(key, 'worker-a', LOCK_LIFETIME_MS, start))!;
    const stale = new Date(start.getTime() + LOCK_LIFETIME_MS + 1);
    const again = (await first.claim(key, 'worker-a', LOCK_LIFETIME_MS, stale))!;
    expect(again.attempt).toBe(2);
    expect(await first.finish(old, { status: 'failed', errorCode: 'X' })).toBe(false);
    expect(await row()).toMatchObject({ status: 'running', attempts: 2 });
  });

  it('gives a released row back as pending, so the next claim starts it at once', async () => {
    const owner = (await first.claim(key, 'worker-a', LOCK_LIFETIME_MS))!;
    await first.release(owner);
    expect((await row()).status).toBe('pending');
    expect(await second.claim(key, 'worker-b', LOCK_LIFETIME_MS)).toMatchObject({ attempt: 2 });
  });
});
