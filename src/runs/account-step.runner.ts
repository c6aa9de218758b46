import type { Logger } from '../config/logger.js';
import type { RunRepository } from './store/run.repository.js';
import type { StepAccountRepository } from './store/step-account.repository.js';
import { RunCancelledError, type StepCounts, type SyncStep } from '../sync/step.contract.js';
import { fromBounds } from '../sync/sync-window.js';
import type { AccountDirectory } from './account-directory.js';
import type { BatchLog } from '../legacy/batch-log.js';
import type { RunEvents } from './run-events.port.js';
import { describeFailure } from './account-failure.js';
import type { StepName } from './run.vocabulary.js';
import { WorkerStoppingError, type WorkerLifecycle } from './worker-lifecycle.js';

interface RunnerDeps {
  lifecycle: WorkerLifecycle;
  runs: RunRepository;
  accountSteps: StepAccountRepository;
  events: RunEvents;
  accounts: AccountDirectory;
  steps: ReadonlyMap<StepName, SyncStep>;
  log: BatchLog;
  logger: Logger;
  timezone: string;
  /** This process, recorded on each attempt (host:pid:name). */
  workerName: string;
}

/**
 * Runs one account's share of one step (an Agenda job any worker may take). A worker that dies
 * mid-way leaves the row `running`; the job's lock expires, another worker claims it again and
 * the step's upserts make the second attempt write the same rows.
 */
export class AccountStepRunner {
  constructor(private readonly deps: RunnerDeps) {}

  async run(
    runId: string,
    step: StepName,
    userNo: number,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const { runs, accounts, log } = this.deps;
    const run = await runs.findRun(runId);
    if (!run || run.status !== 'RUNNING') return;
    if (await runs.isCancelRequested(runId)) {
      return this.deps.accountSteps.finishStepAccount(runId, step, userNo, {
        status: 'skipped',
        errorCode: 'CANCELLED',
        errorMessage: 'run cancelled',
      });
    }
    if (!(await this.deps.accountSteps.claimStepAccount(runId, step, userNo, this.deps.workerName)))
      return;
    const account = await accounts.find(userNo);
    if (!account)
      return this.fail(
        runId,
        step,
        userNo,
        'ACCOUNT_UNAVAILABLE',
        `user ${userNo} is no longer connected`,
      );

    const attemptStartedAt = new Date();
    const checkpoint = async (delta: Partial<StepCounts>) => {
      await this.deps.accountSteps.addStepAccountCounts(runId, step, userNo, {
        read: delta.read ?? 0,
        written: delta.written ?? 0,
        skipped: delta.skipped ?? 0,
      });
      this.deps.lifecycle.assertRunning();
      await heartbeat();
      if (await runs.isCancelRequested(runId)) throw new RunCancelledError(runId);
    };
    const window = fromBounds(run.monthsToSync, this.deps.timezone, run.windowStart, run.windowEnd);
    const logger = this.deps.logger.child({ executionId: runId, step, userNo });
    try {
      const counts = await this.deps.steps
        .get(step)!
        .run({ runId, account, window, attemptStartedAt, checkpoint, logger });
      await this.deps.accountSteps.setStepAccountCounts(runId, step, userNo, counts);
      await this.deps.accountSteps.finishStepAccount(runId, step, userNo, { status: 'completed' });
      if (step === 'insights') await accounts.markSynced(userNo, new Date());
      log.accountCompleted(runId, step, userNo, counts.written);
    } catch (error) {
      if (error instanceof WorkerStoppingError) throw error;
      if (error instanceof RunCancelledError) {
        return this.deps.accountSteps.finishStepAccount(runId, step, userNo, {
          status: 'skipped',
          errorCode: 'CANCELLED',
          errorMessage: 'run cancelled',
        });
      }
      const failure = describeFailure(error);
      if (failure.ref)
        log.internalFailure({ executionId: runId, step, userNo }, failure.ref, error);
      if (failure.tokenInvalid) await accounts.markTokenInvalid(userNo);
      await this.fail(runId, step, userNo, failure.code, failure.message);
    }
  }

  private async fail(
    runId: string,
    step: StepName,
    userNo: number,
    code: string,
    message: string,
  ): Promise<void> {
    await this.deps.accountSteps.finishStepAccount(runId, step, userNo, {
      status: 'failed',
      errorCode: code,
      errorMessage: message,
    });
    this.deps.log.accountFailed(runId, step, userNo, code, message);
    await this.deps.events.emit(runId, 'ACCOUNT_FAILED', {
      step,
      message: `${code}: ${message}`,
      userNo,
    });
  }
}
