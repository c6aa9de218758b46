import { literal, Op, type Sequelize, type WhereOptions } from 'sequelize';
import { defineRunModels, type RunModels, type StepAccountRow } from '../../db/models/run.model.js';
import type { StepName } from '../run.vocabulary.js';
import type { AccountCounts } from './step-account.repository.js';

/**
 * Who owns an account step: the worker's name and the attempt number its claim set. Both
 * together, because one process may claim the same row again after losing it (a new attempt),
 * and the attempt alone says nothing about which process holds it.
 */
export interface StepClaim {
  runId: string;
  step: StepName;
  userNo: number;
  worker: string;
  attempt: number;
}

/**
 * Claiming an account step and writing it as its owner. The claim is one conditional UPDATE
 * (compare-and-set): of two workers racing, the database lets exactly one change the row.
 * Every later write is fenced on the claim, so a zombie that lost the row changes nothing.
 */
export class StepAccountClaimRepository {
  private readonly m: RunModels;

  constructor(sequelize: Sequelize) {
    this.m = defineRunModels(sequelize);
  }

  /**
   * Takes the row if it is `pending`, or `running` with a heartbeat older than `staleAfterMs`
   * (its owner went silent); null when it is finished or another worker owns it.
   */
  async claim(
    key: Omit<StepClaim, 'worker' | 'attempt'>,
    worker: string,
    staleAfterMs: number,
    now = new Date(),
  ): Promise<StepClaim | null> {
    const staleBefore = new Date(now.getTime() - staleAfterMs);
    const [affected] = await this.m.SyncStepAccount.update(
      {
        status: 'running',
        attempts: literal('attempts + 1'),
        worker,
        heartbeatAt: now,
        startedAt: now,
        endedAt: null,
        readCount: 0,
        writeCount: 0,
        skipCount: 0,
      },
      {
        where: {
          ...this.keyOf(key),
          [Op.or]: [
            { status: 'pending' },
            {
              status: 'running',
              [Op.or]: [{ heartbeatAt: null }, { heartbeatAt: { [Op.lt]: staleBefore } }],
            },
          ],
        },
      },
    );
    if (affected !== 1) return null;
    // Nobody else can claim before our heartbeat goes stale, so this reads our own attempt.
    const row = await this.m.SyncStepAccount.findOne({ where: { ...this.keyOf(key), worker } });
    return row ? { ...key, worker, attempt: row.attempts } : null;
  }

  /** The owner's heartbeat; false once the row is no longer this claim's. */
  async renew(claim: StepClaim, now = new Date()): Promise<boolean> {
    const [affected] = await this.m.SyncStepAccount.update(
      { heartbeatAt: now },
      { where: this.fenceOf(claim) },
    );
    return affected === 1;
  }

  /** Running totals while the step is under way (for progress). */
  async addCounts(claim: StepClaim, counts: AccountCounts): Promise<void> {
    await this.m.SyncStepAccount.increment(
      { readCount: counts.read, writeCount: counts.written, skipCount: counts.skipped },
      { where: this.fenceOf(claim) },
    );
  }

  /** Ends the attempt (exact totals when given); false when the row was no longer ours. */
  async finish(
    claim: StepClaim,
    outcome: {
      status: 'completed' | 'failed' | 'skipped';
      counts?: AccountCounts;
      errorCode?: string;
      errorMessage?: string;
      /** What a completed step hands on to the account's next step (`StepHandoff`). */
      handoff?: Readonly<Record<string, unknown>> | null;
    },
    now = new Date(),
  ): Promise<boolean> {
    const counts = outcome.counts
      ? {
          readCount: outcome.counts.read,
          writeCount: outcome.counts.written,
          skipCount: outcome.counts.skipped,
        }
      : {};
    const [affected] = await this.m.SyncStepAccount.update(
      {
        ...counts,
        status: outcome.status,
        errorCode: outcome.errorCode ?? null,
        errorMessage: outcome.errorMessage ?? null,
        handoff: outcome.handoff ? JSON.stringify(outcome.handoff) : null,
        endedAt: now,
      },
      { where: this.fenceOf(claim) },
    );
    return affected === 1;
  }

  /** What the completed account step `key` handed on (parsed), or null. */
  async handoffOf(
    key: Pick<StepClaim, 'runId' | 'step' | 'userNo'>,
  ): Promise<Record<string, unknown> | null> {
    const row = await this.m.SyncStepAccount.findOne({
      attributes: ['handoff'],
      where: { ...this.keyOf(key), status: 'completed' },
    });
    return row?.handoff ? (JSON.parse(row.handoff) as Record<string, unknown>) : null;
  }

  /** Gives the row back (`pending`) so another worker starts it now, e.g. on shutdown. */
  async release(claim: StepClaim): Promise<void> {
    await this.m.SyncStepAccount.update(
      { status: 'pending', heartbeatAt: null },
      { where: this.fenceOf(claim) },
    );
  }

  /** Running rows of a step whose owner went silent (heartbeat older than `staleAfterMs`). */
  async staleRunning(
    runId: string,
    step: StepName,
    staleAfterMs: number,
    now = new Date(),
  ): Promise<StepAccountRow[]> {
    const staleBefore = new Date(now.getTime() - staleAfterMs);
    return this.m.SyncStepAccount.findAll({
      where: {
        runId: Number(runId),
        step,
        status: 'running',
        [Op.or]: [{ heartbeatAt: null }, { heartbeatAt: { [Op.lt]: staleBefore } }],
      },
    });
  }

  private keyOf(key: Pick<StepClaim, 'runId' | 'step' | 'userNo'>): WhereOptions<StepAccountRow> {
    return { runId: Number(key.runId), step: key.step, userNo: key.userNo };
  }

  private fenceOf(claim: StepClaim): WhereOptions<StepAccountRow> {
    return {
      ...this.keyOf(claim),
      status: 'running',
      worker: claim.worker,
      attempts: claim.attempt,
    };
  }
}
