import type { Agenda } from 'agenda';
import type { RunRepository } from './store/run.repository.js';
import type { AccountStepStatus, StepAccountRepository } from './store/step-account.repository.js';
import type { AccountDirectory } from './account-directory.js';
import type { BatchLog } from '../legacy/batch-log.js';
import { internalFailure } from './account-failure.js';
import type { RunEvents } from './run-events.port.js';
import type { RunMetrics } from './run-metrics.port.js';
import { ACCOUNT_STEP_JOB, ensureAllQueued } from './job-registry.js';
import type { StepAccountClaimRepository } from './store/step-account-claim.repository.js';
import type { StepSignals } from './step-signals.js';
import { stepOutcome } from './step-outcome.js';
import { STEP_NAMES, type RunStatus, type StepName, type StepStatus } from './run.vocabulary.js';
import { WorkerStoppingError, type WorkerLifecycle } from './worker-lifecycle.js';

export interface RunDriverOptions {
  /** How often the driver looks at its step's accounts (and emits STEP_PROGRESS): ≥ 250 ms. */
  pollMs: number;
  /** A running account step whose heartbeat is older than this (a lock lifetime) lost its owner. */
  staleAfterMs: number;
}

interface DriverDeps {
  lifecycle: WorkerLifecycle;
  runs: RunRepository;
  accountSteps: StepAccountRepository;
  claims: StepAccountClaimRepository;
  events: RunEvents;
  accounts: AccountDirectory;
  agenda: Agenda;
  log: BatchLog;
  metrics?: RunMetrics;
  /** Wakes the step barrier when an account step ends in this process. */
  signals: StepSignals;
}

const DONE_STEP: readonly StepStatus[] = [
  'COMPLETED',
  'COMPLETED_WITH_ERRORS',
  'FAILED',
  'SKIPPED',
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives one run: the steps in order, each split into one job per account that any worker may
 * take, with a barrier between steps. Everything it decides is stored first, so a driver that
 * dies is resumed by another worker (Agenda hands the job over once its lock expires) and
 * carries on from the stored state.
 */
export class RunDriver {
  constructor(
    private readonly deps: DriverDeps,
    private readonly options: RunDriverOptions,
  ) {}

  async drive(runId: string, heartbeat: () => Promise<void>): Promise<void> {
    const { runs, events, log } = this.deps;
    const run = await runs.findRun(runId);
    if (!run) return;
    // A driver that died between ending the run and announcing it: announce it now (once).
    if (!['QUEUED', 'RUNNING'].includes(run.status))
      return this.announceEnd(runId, run.status, run.error);
    if (await runs.isCancelRequested(runId)) return this.end(runId, 'CANCELLED', null);
    const firstStart = run.status === 'QUEUED';
    if (!(await runs.markRunning(runId))) return;
    if (firstStart) {
      const started = await runs.getRun(runId);
      log.jobStarted(started, started.startedAt ?? new Date());
      await events.emit(runId, 'RUN_STARTED', { message: `${run.executionType} run started` });
    }
    try {
      const targets = await this.deps.accounts.targets(run.targetUserNo);
      for (const step of STEP_NAMES) {
        const outcome = await this.driveStep(
          runId,
          step,
          targets.map((a) => a.userNo),
          heartbeat,
        );
        if (outcome === 'CANCELLED') return this.end(runId, 'CANCELLED', null);
      }
      const statuses = [...(await runs.stepStatuses(runId)).values()];
      const status: RunStatus = statuses.includes('FAILED')
        ? 'FAILED'
        : statuses.includes('COMPLETED_WITH_ERRORS')
          ? 'COMPLETED_WITH_ERRORS'
          : 'COMPLETED';
      await this.end(runId, status, status === 'FAILED' ? 'every account failed in a step' : null);
    } catch (error) {
      if (error instanceof WorkerStoppingError) throw error;
      const failure = internalFailure();
      this.deps.log.internalFailure({ executionId: runId }, failure.ref, error);
      await this.end(runId, 'FAILED', `${failure.code}: ${failure.message}`);
    }
  }

  private async driveStep(
    runId: string,
    step: StepName,
    userNos: number[],
    heartbeat: () => Promise<void>,
  ): Promise<StepStatus | 'CANCELLED'> {
    const { runs, events, log } = this.deps;
    this.deps.lifecycle.assertRunning();
    const current = (await runs.stepStatuses(runId)).get(step);
    if (current && DONE_STEP.includes(current)) return current;
    const failedEarlier = await this.deps.accountSteps.failedUserNos(runId);
    const eligible = userNos.filter((u) => !failedEarlier.has(u));
    if (current === 'PENDING') {
      await runs.startStep(runId, step);
      log.stepStarted(runId, step, eligible.length);
      await events.emit(runId, 'STEP_STARTED', {
        step,
        progress: { done: 0, total: eligible.length, items: 0 },
      });
    }
    await this.deps.accountSteps.addStepAccounts(runId, step, eligible);
    const unfinished = (await this.deps.accountSteps.stepAccounts(runId, step)).filter(
      (row) => row.status === 'pending' || row.status === 'running',
    );
    await this.queueAccountSteps(runId, step, unfinished);
    let lastReported = '';
    // Woken by an account step's end, the barrier may look more often than every poll; the
    // events keep to one STEP_PROGRESS per step per poll interval at most.
    let lastReportedAt = 0;
    for (;;) {
      const progress = await this.deps.accountSteps.stepProgress(runId, step);
      if (await runs.isCancelRequested(runId)) {
        await this.stopStep(runId, step);
        return 'CANCELLED';
      }
      const report = `${progress.done}/${progress.total}/${progress.items}`;
      const reportDue = Date.now() - lastReportedAt >= this.options.pollMs;
      if (report !== lastReported && progress.pending > 0 && reportDue) {
        lastReported = report;
        await events.emit(runId, 'STEP_PROGRESS', {
          step,
          progress: { done: progress.done, total: progress.total, items: progress.items },
        });
        lastReportedAt = Date.now();
      }
      if (progress.pending === 0)
        return this.completeStep(runId, step, eligible.length, userNos.length);
      this.deps.lifecycle.assertRunning();
      await this.requeueAbandoned(runId, step);
      await heartbeat();
      await this.deps.signals.wait(runId, this.options.pollMs);
    }
  }

  /**
   * Gives a running row whose owner went silent a job again: its job may be gone (a second
   * worker that found the row still owned ended its copy), and only a job can claim the row.
   * `ensureQueued` leaves a job that is still queued or locked alone.
   */
  private async requeueAbandoned(runId: string, step: StepName): Promise<void> {
    const stale = await this.deps.claims.staleRunning(runId, step, this.options.staleAfterMs);
    await this.queueAccountSteps(runId, step, stale);
  }

  /** Makes sure each of these accounts has its job for the step (queued together). */
  private async queueAccountSteps(
    runId: string,
    step: StepName,
    rows: readonly { userNo: number }[],
  ): Promise<void> {
    const payloads = rows.map((row) => ({ runId, step, userNo: row.userNo }));
    await ensureAllQueued(this.deps.agenda, ACCOUNT_STEP_JOB, payloads);
  }

  private async completeStep(
    runId: string,
    step: StepName,
    eligible: number,
    targets: number,
  ): Promise<StepStatus> {
    const { runs, events, log } = this.deps;
    const rows = await this.deps.accountSteps.stepAccounts(runId, step);
    const status = stepOutcome(
      rows.map((r) => r.status as AccountStepStatus),
      targets - eligible,
    );
    await runs.finishStep(
      runId,
      step,
      status,
      await this.deps.accountSteps.stepTotals(runId, step),
    );
    const record = (await runs.getRun(runId)).steps.find((s) => s.name === step)!;
    log.stepCompleted(runId, step, status, record.durationMs ?? 0);
    this.deps.metrics?.stepFinished(step, status, record.durationMs ?? 0);
    const progress = await this.deps.accountSteps.stepProgress(runId, step);
    await events.emit(runId, 'STEP_COMPLETED', {
      step,
      progress: { done: progress.done, total: progress.total, items: progress.items },
      message: status,
    });
    return status;
  }

  /** Cancellation: queued accounts never start, running ones stop at their next page. */
  private async stopStep(runId: string, step: StepName): Promise<void> {
    const { runs, agenda } = this.deps;
    for (const row of await this.deps.accountSteps.stepAccounts(runId, step)) {
      if (row.status !== 'pending') continue;
      await agenda.cancel({ name: ACCOUNT_STEP_JOB, data: { runId, step, userNo: row.userNo } });
      await this.deps.accountSteps.finishStepAccount(runId, step, row.userNo, {
        status: 'skipped',
        errorCode: 'CANCELLED',
        errorMessage: 'run cancelled',
      });
    }
    while (
      (await this.deps.accountSteps.stepAccounts(runId, step)).some((r) => r.status === 'running')
    )
      await sleep(this.options.pollMs);
    await runs.finishStep(
      runId,
      step,
      'SKIPPED',
      await this.deps.accountSteps.stepTotals(runId, step),
    );
  }

  private async end(runId: string, status: RunStatus, error: string | null): Promise<void> {
    const { runs, log } = this.deps;
    if (!(await runs.finishRun(runId, status, error))) return;
    const run = await runs.getRun(runId);
    log.jobEnded(runId, status, run.durationMs ?? 0, error);
    await this.announceEnd(runId, status, error);
  }

  /** The run's final event; the event log keeps only the first one a run gets. */
  private async announceEnd(runId: string, status: RunStatus, error: string | null): Promise<void> {
    const type =
      status === 'CANCELLED'
        ? 'RUN_CANCELLED'
        : status === 'FAILED'
          ? 'RUN_FAILED'
          : 'RUN_COMPLETED';
    await this.deps.events.emit(runId, type, { message: error ?? status, status });
  }
}
