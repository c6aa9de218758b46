import type { Agenda, Job } from 'agenda';
import type { Logger } from '../config/logger.js';
import type { AccountStepRunner } from './account-step.runner.js';
import type { RunRepository } from './store/run.repository.js';
import {
  ACCOUNT_STEP_JOB,
  ensureQueued,
  RUN_JOB,
  SCHEDULED_JOB,
  DEEP_SCHEDULED_JOB,
  TOKEN_REFRESH_JOB,
  defineJob,
} from './job-registry.js';
import type { RunDriver } from './run-driver.js';
import type { RunLauncher } from './run-launcher.js';
import { AppError } from '../errors/app.error.js';
import type { WorkerLifecycle } from './worker-lifecycle.js';
import { DEEP_SYNC_MONTHS } from './run.vocabulary.js';

export interface RunJobSettings {
  cron: string;
  /** The weekly deep sync's cron line. */
  deepCron: string;
  /** The daily token check's cron line (its job is defined by `defineTokenRefreshJob`). */
  tokenRefreshCron?: string;
  timezone: string;
  concurrency: number;
  accountConcurrency: number;
  lockLifetimeMs: number;
}

/**
 * Makes a parked job runnable by another worker at once: due now, and its lock released (the
 * backend's `unlockJob` frees a job that has a next run), so a rolling restart does not wait
 * out the lock lifetime before the account step moves on.
 */
const handOverOf = (job: Job<unknown>) => async () => {
  await job.schedule(new Date()).save();
  await job.agenda.db.unlockJob(job.attrs);
};

/** Extends the job's lock, at most every quarter lock lifetime (the driver calls it per poll). */
function heartbeatOf(job: Job<unknown>, lockLifetimeMs: number): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < lockLifetimeMs / 4) return;
    last = Date.now();
    await job.touch();
  };
}

/** Defines the four jobs on `agenda` (every role, so any process can enqueue them). */
export function defineRunJobs(
  agenda: Agenda,
  deps: {
    driver: RunDriver;
    runner: AccountStepRunner;
    launcher: RunLauncher;
    lifecycle: WorkerLifecycle;
    logger: Logger;
  },
  settings: RunJobSettings,
): void {
  defineJob(
    agenda,
    RUN_JOB,
    async (job) =>
      deps.lifecycle.run(
        () => deps.driver.drive(job.attrs.data.runId, heartbeatOf(job, settings.lockLifetimeMs)),
        handOverOf(job),
      ),
    // lockLimit = concurrency: a worker locks only what it can run now, so the rest stays
    // free for other workers (Agenda's default locks every due job it finds).
    {
      concurrency: settings.concurrency,
      lockLimit: settings.concurrency,
      lockLifetime: settings.lockLifetimeMs,
    },
  );
  defineJob(
    agenda,
    ACCOUNT_STEP_JOB,
    async (job) => {
      const { runId, step, userNo } = job.attrs.data;
      await deps.lifecycle.run(
        // The runner touches the lock on its own timer, also during a long Graph API call.
        () => deps.runner.run(runId, step, userNo, () => job.touch()),
        handOverOf(job),
      );
    },
    {
      concurrency: settings.accountConcurrency,
      lockLimit: settings.accountConcurrency,
      lockLifetime: settings.lockLifetimeMs,
    },
  );
  agenda.on('error', (error: Error) =>
    deps.logger.error({ err: error.message }, 'agenda job error'),
  );
  const scheduledStart = (months?: number) => async () => {
    try {
      const launch = await deps.launcher.start({ executionType: 'scheduled', months });
      deps.logger.info(
        { executionId: launch.executionId, deduplicated: launch.deduplicated },
        launch.message,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      deps.logger.warn({ code: error.code }, `scheduled sync not started: ${error.message}`);
    }
  };
  defineJob(agenda, SCHEDULED_JOB, scheduledStart());
  defineJob(agenda, DEEP_SCHEDULED_JOB, scheduledStart(DEEP_SYNC_MONTHS));
}

/**
 * The recurring starts — nightly (`cron`, 1 month) and weekly deep (`deepCron`, 12 months) —
 * and the daily token check (`tokenRefreshCron`),
 * each one job however many processes call this (the backend keeps one `single` job per
 * name), never run at start-up (`skipImmediate`).
 */
export async function scheduleRecurringSyncs(
  agenda: Agenda,
  settings: Pick<RunJobSettings, 'cron' | 'deepCron' | 'timezone' | 'tokenRefreshCron'>,
): Promise<void> {
  const options = { timezone: settings.timezone, skipImmediate: true };
  await agenda.every(settings.cron, SCHEDULED_JOB, {}, options);
  await agenda.every(settings.deepCron, DEEP_SCHEDULED_JOB, {}, options);
  if (settings.tokenRefreshCron) {
    await agenda.every(settings.tokenRefreshCron, TOKEN_REFRESH_JOB, {}, options);
  }
}

/**
 * At worker start: every run the records call active gets a runnable driver job again, in
 * case the process that ran it stopped before it could hand it over.
 */
export async function resumeActiveRuns(agenda: Agenda, runs: RunRepository): Promise<void> {
  for (const runId of await runs.activeRunIds()) await ensureQueued(agenda, RUN_JOB, { runId });
}
