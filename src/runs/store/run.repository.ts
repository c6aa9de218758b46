import { Op, UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import { defineRunModels, type RunModels } from '../../db/models/run.model.js';
import { toRunRecord } from './run.mapper.js';
import type { AccountCounts } from './step-account.repository.js';
import { writeTransaction } from '../../db/connection.js';
import {
  RUN_STATUSES,
  STEP_NAMES,
  type ExecutionType,
  type RunFilter,
  type RunPage,
  type RunStatus,
  type StepName,
  type StepStatus,
  type RunRecord,
} from '../run.vocabulary.js';

export interface NewRun {
  jobName: string;
  executionType: ExecutionType;
  targetUserNo: number | null;
  months: number;
  windowStart: Date;
  windowEnd: Date;
  restartOf: string | null;
}

export type CreateRunResult =
  | { kind: 'created'; run: RunRecord }
  | { kind: 'duplicate'; run: RunRecord }
  | { kind: 'queue_full'; queued: number };

/** Error code of an account step a restart skips because an earlier execution completed it. */
export const CARRIED_OVER = 'CARRIED_OVER';

/** The key one active run per target holds: 'all' or 'user:N'. */
export const targetKey = (userNo: number | null): string =>
  userNo === null ? 'all' : `user:${userNo}`;

/** Run, step and per-account step records (Spring Batch's execution tables). */
export class RunRepository {
  private readonly m: RunModels;

  constructor(private readonly sequelize: Sequelize) {
    this.m = defineRunModels(sequelize);
  }

  /**
   * Queues a run unless the same target already has an active one (returned instead) or
   * `queueCapacity` runs already wait. The unique `active_key` settles racing starts.
   */
  async createRun(
    input: NewRun,
    queueCapacity: number,
    now = new Date(),
    carryFrom?: string,
  ): Promise<CreateRunResult> {
    const key = targetKey(input.targetUserNo);
    const existing = await this.findActive(key);
    if (existing) return { kind: 'duplicate', run: existing };
    const queued = await this.m.SyncRun.count({ where: { status: 'QUEUED' } });
    if (queued >= queueCapacity) return { kind: 'queue_full', queued };
    try {
      const id = await writeTransaction(this.sequelize, async (transaction) => {
        const run = await this.m.SyncRun.create(
          {
            ...input,
            restartOf: input.restartOf === null ? null : Number(input.restartOf),
            status: 'QUEUED',
            queuedAt: now,
            activeKey: key,
          },
          { transaction },
        );
        const runId = run.id;
        await this.m.SyncStep.bulkCreate(
          STEP_NAMES.map((name, position) => ({ runId, name, position, status: 'PENDING' })),
          { transaction },
        );
        if (carryFrom) await this.carryOver(carryFrom, runId, transaction);
        return runId;
      });
      return { kind: 'created', run: await this.getRun(String(id)) };
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      const winner = await this.findActive(key);
      if (winner) return { kind: 'duplicate', run: winner };
      throw error;
    }
  }

  async findRun(id: string): Promise<RunRecord | null> {
    const runId = Number(id);
    if (!Number.isSafeInteger(runId) || runId <= 0) return null;
    const run = await this.m.SyncRun.findByPk(runId, {});
    if (!run) return null;
    const [steps, accounts] = await Promise.all([
      this.m.SyncStep.findAll({ where: { runId } }),
      this.m.SyncStepAccount.findAll({
        where: { runId, status: 'failed' },
        order: [['userNo', 'ASC']],
      }),
    ]);
    return toRunRecord(run, steps, accounts);
  }

  async getRun(id: string): Promise<RunRecord> {
    const run = await this.findRun(id);
    if (!run) throw new Error(`sync run ${id} does not exist`);
    return run;
  }

  private async findActive(key: string): Promise<RunRecord | null> {
    const row = await this.m.SyncRun.findOne({ where: { activeKey: key } });
    return row ? this.getRun(String(row.id)) : null;
  }

  /** Newest first; `after` is the id cursor of the previous page's last run. */
  async listRuns(filter: RunFilter): Promise<RunPage> {
    const first = filter.first ?? 20;
    const where: Record<string | symbol, unknown> = {};
    if (filter.status) where.status = filter.status;
    if (filter.userNo !== undefined && filter.userNo !== null) {
      where.targetUserNo = filter.includingAllAccounts
        ? { [Op.or]: [filter.userNo, null] }
        : filter.userNo;
    }
    if (filter.after) where.id = { [Op.lt]: Number(filter.after) };
    const rows = await this.m.SyncRun.findAll({
      where,
      order: [['id', 'DESC']],
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    const runs = await Promise.all(page.map((r) => this.getRun(String(r.id))));
    return {
      runs,
      hasNextPage: rows.length > first,
      endCursor: page.length ? String(page[page.length - 1]!.id) : null,
    };
  }

  async countByStatus(status: RunStatus): Promise<number> {
    return this.m.SyncRun.count({ where: { status } });
  }

  /** Runs per status, every status present (0 when none): one GROUP BY on the status index. */
  async countsByStatus(): Promise<Map<RunStatus, number>> {
    const rows = (await this.m.SyncRun.count({ group: ['status'] })) as unknown as Array<{
      status: RunStatus;
      count: number | string;
    }>;
    const counts = new Map<RunStatus, number>(RUN_STATUSES.map((status) => [status, 0]));
    for (const row of rows) counts.set(row.status, Number(row.count));
    return counts;
  }

  async lastStartedAt(): Promise<Date | null> {
    const row = await this.m.SyncRun.findOne({
      where: { startedAt: { [Op.ne]: null } },
      order: [['startedAt', 'DESC']],
    });
    return row?.startedAt ?? null;
  }

  /** QUEUED → RUNNING (or RUNNING again when another worker resumes it); false if it is over. */
  async markRunning(id: string, now = new Date()): Promise<boolean> {
    const [queued] = await this.m.SyncRun.update(
      { status: 'RUNNING', startedAt: now },
      { where: { id: Number(id), status: 'QUEUED' } },
    );
    if (queued > 0) return true;
    return (await this.m.SyncRun.count({ where: { id: Number(id), status: 'RUNNING' } })) > 0;
  }

  /** Ends a run once; frees its target for the next start. Returns false if it had already ended. */
  async finishRun(
    id: string,
    status: RunStatus,
    error: string | null,
    now = new Date(),
  ): Promise<boolean> {
    const run = await this.m.SyncRun.findByPk(Number(id), {});
    if (!run || run.activeKey === null) return false;
    const startedAt = run.startedAt ?? now;
    const [changed] = await this.m.SyncRun.update(
      {
        status,
        error,
        endedAt: now,
        durationMs: now.getTime() - startedAt.getTime(),
        activeKey: null,
      },
      { where: { id: Number(id), activeKey: { [Op.ne]: null } } },
    );
    return changed > 0;
  }

  async requestCancel(id: string): Promise<void> {
    await this.m.SyncRun.update({ cancelRequested: true }, { where: { id: Number(id) } });
  }

  async isCancelRequested(id: string): Promise<boolean> {
    const row = await this.m.SyncRun.findByPk(Number(id), {
      attributes: ['cancelRequested'],
    });
    return Boolean(row?.cancelRequested);
  }

  async startStep(runId: string, step: StepName, now = new Date()): Promise<void> {
    await this.m.SyncStep.update(
      { status: 'RUNNING', startedAt: now },
      { where: { runId: Number(runId), name: step, status: 'PENDING' } },
    );
  }

  /** Ends a step with its status and the totals of its accounts. */
  async finishStep(
    runId: string,
    step: StepName,
    status: StepStatus,
    totals: AccountCounts,
    now = new Date(),
  ): Promise<void> {
    const current = await this.m.SyncStep.findOne({
      where: { runId: Number(runId), name: step },
    });
    const startedAt = current?.startedAt ?? now;
    await this.m.SyncStep.update(
      {
        status,
        readCount: totals.read,
        writeCount: totals.written,
        skipCount: totals.skipped,
        startedAt,
        endedAt: now,
        durationMs: now.getTime() - startedAt.getTime(),
      },
      { where: { runId: Number(runId), name: step } },
    );
  }

  async stepStatuses(runId: string): Promise<Map<StepName, StepStatus>> {
    const rows = await this.m.SyncStep.findAll({ where: { runId: Number(runId) } });
    return new Map(rows.map((r) => [r.name as StepName, r.status as StepStatus]));
  }

  /**
   * A restart skips what its run (or that run's own restart source) completed: those account
   * steps are copied in as `skipped` with code CARRIED_OVER before the restart can start.
   */
  private async carryOver(
    fromRunId: string,
    toRunId: number,
    transaction: Transaction,
  ): Promise<void> {
    const done = await this.m.SyncStepAccount.findAll({
      where: {
        runId: Number(fromRunId),
        [Op.or]: [{ status: 'completed' }, { status: 'skipped', errorCode: CARRIED_OVER }],
      },
      transaction,
    });
    if (done.length === 0) return;
    await this.m.SyncStepAccount.bulkCreate(
      done.map((r) => ({
        runId: toRunId,
        step: r.step,
        userNo: r.userNo,
        status: 'skipped',
        errorCode: CARRIED_OVER,
        errorMessage: `completed by execution ${fromRunId}`,
      })),
      { transaction },
    );
  }

  /** Runs whose status says they are under way (for recovery after a crash). */
  async activeRunIds(): Promise<string[]> {
    const rows = await this.m.SyncRun.findAll({
      where: { activeKey: { [Op.ne]: null } },
      attributes: ['id'],
    });
    return rows.map((r) => String(r.id));
  }
}
