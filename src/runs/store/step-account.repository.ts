import { col, fn, type Sequelize } from 'sequelize';
import { defineRunModels, type RunModels, type StepAccountRow } from '../../db/models/run.model.js';
import type { RunProgress, StepName } from '../run.vocabulary.js';

export type AccountStepStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped';

export interface AccountCounts {
  read: number;
  written: number;
  skipped: number;
}

/**
 * One row per account per step of a run: the unit any worker claims, the resume point of a
 * restarted or taken-over step, and where failures, counts, attempts and the worker are kept.
 */
export class StepAccountRepository {
  private readonly m: RunModels;

  constructor(sequelize: Sequelize) {
    this.m = defineRunModels(sequelize);
  }

  /** Adds the accounts of a step (idempotent: existing rows are kept as they are). */
  async addStepAccounts(
    runId: string,
    step: StepName,
    userNos: number[],
    status: AccountStepStatus = 'pending',
  ): Promise<void> {
    if (userNos.length === 0) return;
    await this.m.SyncStepAccount.bulkCreate(
      userNos.map((userNo) => ({ runId: Number(runId), step, userNo, status })),
      { ignoreDuplicates: true },
    );
  }

  async stepAccounts(runId: string, step?: StepName): Promise<StepAccountRow[]> {
    const where = step ? { runId: Number(runId), step } : { runId: Number(runId) };
    return this.m.SyncStepAccount.findAll({ where, order: [['userNo', 'ASC']] });
  }

  /** Ends a row no worker has claimed (cancelled before it started); owners use their claim. */
  async finishStepAccount(
    runId: string,
    step: StepName,
    userNo: number,
    outcome: {
      status: 'completed' | 'failed' | 'skipped';
      errorCode?: string;
      errorMessage?: string;
    },
    now = new Date(),
  ): Promise<void> {
    await this.m.SyncStepAccount.update(
      {
        status: outcome.status,
        errorCode: outcome.errorCode ?? null,
        errorMessage: outcome.errorMessage ?? null,
        endedAt: now,
      },
      { where: { runId: Number(runId), step, userNo } },
    );
  }

  /** Accounts done/total and items written in a step, counted by the database (polled often). */
  async stepProgress(
    runId: string,
    step: StepName,
  ): Promise<RunProgress & { failed: number; pending: number }> {
    const groups = (await this.m.SyncStepAccount.findAll({
      where: { runId: Number(runId), step },
      attributes: [
        'status',
        [fn('COUNT', col('id')), 'accounts'],
        [fn('SUM', col('write_count')), 'items'],
      ],
      group: ['status'],
      raw: true,
    })) as unknown as Array<{
      status: AccountStepStatus;
      accounts: number | string;
      items: number | string | null;
    }>;
    const count = (statuses: AccountStepStatus[]) =>
      groups.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + Number(g.accounts), 0);
    const total = count(['pending', 'running', 'completed', 'failed', 'skipped']);
    const pending = count(['pending', 'running']);
    return {
      done: total - pending,
      total,
      items: groups.reduce((n, g) => n + Number(g.items ?? 0), 0),
      failed: count(['failed']),
      pending,
    };
  }

  /** Accounts that failed in any step of the run: later steps skip them. */
  async failedUserNos(runId: string): Promise<Set<number>> {
    const rows = await this.m.SyncStepAccount.findAll({
      where: { runId: Number(runId), status: 'failed' },
      attributes: ['userNo'],
    });
    return new Set(rows.map((r) => r.userNo));
  }

  /** Read, written and skipped summed over a step's accounts. */
  async stepTotals(runId: string, step: StepName): Promise<AccountCounts> {
    const rows = await this.stepAccounts(runId, step);
    const sum = (pick: (r: StepAccountRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
    return {
      read: sum((r) => r.readCount),
      written: sum((r) => r.writeCount),
      skipped: sum((r) => r.skipCount),
    };
  }
}
