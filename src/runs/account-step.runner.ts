import type { Logger } from '../config/logger.js';
import type { RunRepository } from './store/run.repository.js';
import type { StepAccountRepository } from './store/step-account.repository.js';
import type {
  StepAccountClaimRepository,
  StepClaim,
} from './store/step-account-claim.repository.js';
import { keepAlive } from './claim-keep-alive.js';
import { ProgressCheckpoint } from './progress-checkpoint.js';
import {
  RunCancelledError,
  STEP_NAMES,
  type StepCounts,
  type StepHandoff,
  type SyncStep,
} from '../sync/step.contract.js';
import { fromBounds } from '../sync/sync-window.js';
import type { AccountDirectory } from './account-directory.js';
import type { BatchLog } from '../legacy/batch-log.js';
import type { RunEvents } from './run-events.port.js';
import type { AccountStepOutcome, RunMetrics } from './run-metrics.port.js';
import { describeFailure } from './account-failure.js';
import type { RunRecord, StepName } from './run.vocabulary.js';
import type { StepSignals } from './step-signals.js';
import { WorkerStoppingError, type WorkerLifecycle } from './worker-lifecycle.js';

interface RunnerDeps {
  lifecycle: WorkerLifecycle;
  runs: RunRepository;
  accountSteps: StepAccountRepository;
  claims: StepAccountClaimRepository;
  events: RunEvents;
  accounts: AccountDirectory;
  steps: ReadonlyMap<StepName, SyncStep>;
  log: BatchLog;
  logger: Logger;
  timezone: string;
  /** This process, recorded on each attempt (host:pid:name). */
  workerName: string;
  /**
   * The Agenda lock lifetime: the owner renews its lock and row heartbeat every quarter of it,
   * and a row whose heartbeat is older than it may be taken over.
   */
  lockLifetimeMs: number;
  metrics?: RunMetrics;
  /** Told when an account step ends here, for the run's driver in this process. */
  signals: StepSignals;
}

/**
 * Runs one account's share of one step (an Agenda job any worker may take). Exactly one worker
 * owns the row at a time (`StepAccountClaimRepository.claim`); a job that finds it owned ends
 * without touching it. The owner renews the job lock and the row heartbeat on a timer. A
 * worker that dies mid-way leaves the row `running` with a heartbeat that goes stale; another
 * worker then claims it again and the step's upserts make the second attempt write the same
 * rows, while the zombie's fenced writes change nothing.
 */
export class AccountStepRunner {
  constructor(private readonly deps: RunnerDeps) {}

  async run(
    runId: string,
    step: StepName,
    userNo: number,
    touchLock: () => Promise<void>,
  ): Promise<void> {
    const { runs, claims } = this.deps;
    const run = await runs.findRun(runId);
    if (!run || run.status !== 'RUNNING') return;
    if (await runs.isCancelRequested(runId)) {
      await this.deps.accountSteps.finishStepAccount(runId, step, userNo, {
        status: 'skipped',
        errorCode: 'CANCELLED',
        errorMessage: 'run cancelled',
      });
      return this.deps.signals.notify(runId);
    }
    const key = { runId, step, userNo };
    const claim = await claims.claim(key, this.deps.workerName, this.deps.lockLifetimeMs);
    if (!claim) return;
    const stop = keepAlive(
      async () => {
        await touchLock();
        await claims.renew(claim);
      },
      this.deps.lockLifetimeMs / 4,
      (error) => this.deps.logger.warn({ err: String(error), ...key }, 'heartbeat failed'),
    );
    try {
      await this.runClaimed(claim, run);
      this.deps.signals.notify(runId);
    } catch (error) {
      if (error instanceof WorkerStoppingError) await claims.release(claim);
      throw error;
    } finally {
      stop();
    }
  }

  private async runClaimed(claim: StepClaim, run: RunRecord): Promise<void> {
    const { accounts, log, claims } = this.deps;
    const { runId, step, userNo } = claim;
    const account = await accounts.find(userNo);
    if (!account)
      return this.fail(claim, 'ACCOUNT_UNAVAILABLE', `user ${userNo} is no longer connected`);

    const attemptStartedAt = new Date();
    const ended = (outcome: AccountStepOutcome) =>
      this.deps.metrics?.accountStepFinished(
        step,
        outcome,
        Date.now() - attemptStartedAt.getTime(),
      );
    const progress = new ProgressCheckpoint(this.deps, claim);
    const window = fromBounds(run.monthsToSync, this.deps.timezone, run.windowStart, run.windowEnd);
    const logger = this.deps.logger.child({ executionId: runId, step, userNo });
    const handedOn = await this.handedOn(claim);
    let handoff: StepHandoff | null = null;
    const handOn = (value: StepHandoff) => {
      handoff = value;
    };
    try {
      const counts = await this.deps.steps.get(step)!.run({
        runId,
        account,
        window,
        attemptStartedAt,
        checkpoint: progress.checkpoint,
        handedOn,
        handOn,
        logger,
      });
      if (!(await claims.finish(claim, { status: 'completed', counts, handoff }))) return;
      if (step === 'insights') await accounts.markSynced(userNo, new Date());
      log.accountCompleted(runId, step, userNo, counts.written);
      ended('completed');
    } catch (error) {
      if (error instanceof WorkerStoppingError) throw error;
      if (error instanceof RunCancelledError) {
        await claims.finish(claim, {
          status: 'skipped',
          counts: progress.totals,
          errorCode: 'CANCELLED',
          errorMessage: 'run cancelled',
        });
        ended('cancelled');
        return;
      }
      const failure = describeFailure(error);
      if (failure.ref)
        log.internalFailure({ executionId: runId, step, userNo }, failure.ref, error);
      if (failure.tokenInvalid) await accounts.markTokenInvalid(userNo);
      await this.fail(claim, failure.code, failure.message, progress.totals);
      ended('failed');
    }
  }

  /** What the account's previous step of the run handed on to this one. */
  private async handedOn(claim: StepClaim): Promise<StepHandoff | null> {
    const previous = STEP_NAMES[STEP_NAMES.indexOf(claim.step) - 1];
    if (!previous) return null;
    const value = await this.deps.claims.handoffOf({ ...claim, step: previous });
    return value as StepHandoff | null;
  }

  /** Records a failed attempt; a zombie whose row was taken over records nothing. */
  private async fail(
    claim: StepClaim,
    code: string,
    message: string,
    counts?: StepCounts,
  ): Promise<void> {
    const { runId, step, userNo } = claim;
    const recorded = await this.deps.claims.finish(claim, {
      status: 'failed',
      counts,
      errorCode: code,
      errorMessage: message,
    });
    if (!recorded) return;
    this.deps.log.accountFailed(runId, step, userNo, code, message);
    await this.deps.events.emit(runId, 'ACCOUNT_FAILED', {
      step,
      message: `${code}: ${message}`,
      userNo,
    });
  }
}
