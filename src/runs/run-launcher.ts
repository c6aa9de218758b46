import type { Agenda } from 'agenda';
import type { RunRepository } from './store/run.repository.js';
import { syncWindow } from '../sync/sync-window.js';
import type { AccountDirectory } from './account-directory.js';
import type { RunEvents } from './run-events.port.js';
import { ensureQueued, RUN_JOB } from './job-registry.js';
import { JOB_NAME } from '../legacy/batch-wording.js';
import { launchMessage } from '../legacy/launch-message.js';
import { assertRunId } from './run-id.js';
import { AppError } from '../errors/app.error.js';
import {
  DEFAULT_MANUAL_MONTHS,
  DEFAULT_SCHEDULED_MONTHS,
  MONTHS_MAX,
  MONTHS_MIN,
  type RunLaunch,
  type RunRecord,
} from './run.vocabulary.js';

export interface StartInput {
  userNo?: number | null;
  months?: number | null;
  executionType?: 'manual_async' | 'scheduled';
}

interface LauncherDeps {
  runs: RunRepository;
  events: RunEvents;
  accounts: AccountDirectory;
  agenda: Agenda;
  timezone: string;
  queueCapacity: number;
}

/** Starts, cancels and restarts runs: every refusal happens here, before anything is queued. */
export class RunLauncher {
  constructor(private readonly deps: LauncherDeps) {}

  async start(input: StartInput): Promise<RunLaunch> {
    const executionType = input.executionType ?? 'manual_async';
    const months =
      input.months ??
      (executionType === 'scheduled' ? DEFAULT_SCHEDULED_MONTHS : DEFAULT_MANUAL_MONTHS);
    assertMonths(months);
    const userNo = input.userNo ?? null;
    if (userNo !== null) await this.assertSyncable(userNo);
    const window = syncWindow(months, this.deps.timezone);
    const created = await this.deps.runs.createRun(
      {
        jobName: JOB_NAME,
        executionType,
        targetUserNo: userNo,
        months,
        windowStart: window.start,
        windowEnd: window.end,
        restartOf: null,
      },
      this.deps.queueCapacity,
    );
    return this.launched(created, {
      userNo,
      months,
      defaultedMonths: input.months === undefined || input.months === null,
    });
  }

  async cancel(executionId: string): Promise<RunRecord> {
    const run = await this.getRun(executionId);
    if (run.status !== 'QUEUED' && run.status !== 'RUNNING') {
      throw new AppError(
        'CONFLICT',
        `execution ${executionId} has already ended (${run.status}); only QUEUED or RUNNING runs can be cancelled`,
        'executionId',
      );
    }
    await this.deps.runs.requestCancel(executionId);
    if (
      run.status === 'QUEUED' &&
      (await this.deps.runs.finishRun(executionId, 'CANCELLED', null))
    ) {
      await this.deps.agenda.cancel({ name: RUN_JOB, data: { runId: executionId } });
      await this.deps.events.emit(executionId, 'RUN_CANCELLED', {
        message: 'cancelled before it started',
        status: 'CANCELLED',
      });
    }
    return this.getRun(executionId);
  }

  /** A new execution of the same parameters that skips what the old one completed. */
  async restart(executionId: string): Promise<RunLaunch> {
    const old = await this.getRun(executionId);
    if (old.status !== 'FAILED' && old.status !== 'COMPLETED_WITH_ERRORS') {
      throw new AppError(
        'CONFLICT',
        `execution ${executionId} is ${old.status}; only FAILED or COMPLETED_WITH_ERRORS runs can be restarted`,
        'executionId',
      );
    }
    const created = await this.deps.runs.createRun(
      {
        jobName: JOB_NAME,
        executionType: 'restart',
        targetUserNo: old.targetUserNo,
        months: old.monthsToSync,
        windowStart: old.windowStart,
        windowEnd: old.windowEnd,
        restartOf: old.id,
      },
      this.deps.queueCapacity,
      new Date(),
      executionId,
    );
    return this.launched(created, {
      userNo: old.targetUserNo,
      months: old.monthsToSync,
      defaultedMonths: false,
    });
  }

  private async launched(
    created: Awaited<ReturnType<RunRepository['createRun']>>,
    ask: { userNo: number | null; months: number; defaultedMonths: boolean },
  ): Promise<RunLaunch> {
    if (created.kind === 'queue_full') {
      throw new AppError(
        'QUEUE_FULL',
        `the sync queue is full: ${created.queued} runs are waiting (capacity ${this.deps.queueCapacity}); try again later`,
      );
    }
    const run = created.run;
    const deduplicated = created.kind === 'duplicate';
    if (!deduplicated) {
      await this.deps.events.emit(run.id, 'RUN_QUEUED', {
        message: `${run.executionType} run queued`,
        userNo: run.targetUserNo,
        status: 'QUEUED',
      });
      await ensureQueued(this.deps.agenda, RUN_JOB, { runId: run.id });
    }
    return {
      executionId: run.id,
      status: run.status,
      message: launchMessage({ ...ask, deduplicated, executionId: run.id }),
      executionTime: run.queuedAt,
      executionType: run.executionType,
      targetUserNo: run.targetUserNo,
      monthsToSync: run.monthsToSync,
      deduplicated,
    };
  }

  private async getRun(executionId: string): Promise<RunRecord> {
    const run = await this.deps.runs.findRun(assertRunId(executionId, 'executionId'));
    if (!run)
      throw new AppError('NOT_FOUND', `execution ${executionId} does not exist`, 'executionId');
    return run;
  }

  private async assertSyncable(userNo: number): Promise<void> {
    if (!Number.isSafeInteger(userNo) || userNo < 1) {
      throw new AppError(
        'BAD_USER_INPUT',
        `userNo must be a positive whole number; got ${userNo}`,
        'userNo',
      );
    }
    const status = await this.deps.accounts.statusOf(userNo);
    if (status === null)
      throw new AppError(
        'NOT_FOUND',
        `userNo ${userNo} has no connected Instagram account`,
        'userNo',
      );
    if (status !== 'active') {
      throw new AppError(
        'BAD_USER_INPUT',
        `userNo ${userNo} cannot be synced: its Instagram account is ${status}; reconnect it first`,
        'userNo',
      );
    }
  }
}

/** months: a whole number from 1 to 12. */
export function assertMonths(months: number): void {
  if (!Number.isInteger(months) || months < MONTHS_MIN || months > MONTHS_MAX) {
    throw new AppError(
      'BAD_USER_INPUT',
      `months must be a whole number from ${MONTHS_MIN} to ${MONTHS_MAX}; got ${months}`,
      'months',
    );
  }
}
