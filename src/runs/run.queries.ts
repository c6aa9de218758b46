import type { Agenda } from 'agenda';
import type { RunRepository } from './store/run.repository.js';
import { DEEP_SCHEDULED_JOB, SCHEDULED_JOB } from './job-registry.js';
import { assertRunId } from './run-id.js';
import { AppError } from '../errors/app.error.js';
import { BATCH_DESCRIPTION, BATCH_NAME, describeSchedule } from '../legacy/batch-wording.js';
import {
  DEEP_SYNC_MONTHS,
  DEFAULT_SCHEDULED_MONTHS,
  type RunFilter,
  type RunPage,
  type RunRecord,
  type ScheduledSync,
  type StatusOverview,
} from './run.vocabulary.js';

interface QueryDeps {
  runs: RunRepository;
  agenda: Agenda;
  cron: string;
  deepCron: string;
  timezone: string;
  concurrency: number;
  queueCapacity: number;
}

/** Read side of runs: the status overview, one run, runs by page. */
export class RunQueries {
  constructor(private readonly deps: QueryDeps) {}

  async getRun(executionId: string): Promise<RunRecord> {
    const run = await this.deps.runs.findRun(assertRunId(executionId, 'id'));
    if (!run) throw new AppError('NOT_FOUND', `execution ${executionId} does not exist`, 'id');
    return run;
  }

  async listRuns(filter: RunFilter): Promise<RunPage> {
    const first = filter.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw new AppError(
        'BAD_USER_INPUT',
        `first must be a whole number from 1 to 100; got ${first}`,
        'first',
      );
    }
    if (filter.after && !/^\d+$/.test(filter.after)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `after must be an endCursor returned by batchExecutions; got ${JSON.stringify(filter.after)}`,
        'after',
      );
    }
    return this.deps.runs.listRuns({ ...filter, first });
  }

  /** When the recurring job `name` next starts, as the scheduler holds it; null if not scheduled. */
  private async nextRunOf(name: string): Promise<Date | null> {
    const next = (await this.deps.agenda.queryJobs({ name, limit: 1 })).jobs[0]?.nextRunAt;
    return next ? new Date(next) : null;
  }

  private async schedules(): Promise<ScheduledSync[]> {
    const [nightly, deep] = await Promise.all([
      this.nextRunOf(SCHEDULED_JOB),
      this.nextRunOf(DEEP_SCHEDULED_JOB),
    ]);
    const schedules: ScheduledSync[] = [
      {
        name: 'nightly',
        cron: this.deps.cron,
        months: DEFAULT_SCHEDULED_MONTHS,
        nextRunAt: nightly,
      },
      { name: 'deep', cron: this.deps.deepCron, months: DEEP_SYNC_MONTHS, nextRunAt: deep },
    ];
    const at = (s: ScheduledSync) => s.nextRunAt?.getTime() ?? Number.POSITIVE_INFINITY;
    return schedules.sort((a, b) => at(a) - at(b));
  }

  async status(): Promise<StatusOverview> {
    const { runs } = this.deps;
    const [running, queued, lastExecution, schedules] = await Promise.all([
      runs.countByStatus('RUNNING'),
      runs.countByStatus('QUEUED'),
      runs.lastStartedAt(),
      this.schedules(),
    ]);
    return {
      batchName: BATCH_NAME,
      description: BATCH_DESCRIPTION,
      schedule: describeSchedule(this.deps.cron, this.deps.timezone),
      cron: this.deps.cron,
      timezone: this.deps.timezone,
      nextRunAt: schedules.find((s) => s.name === 'nightly')!.nextRunAt,
      lastExecution,
      status: 'active',
      running,
      queued,
      queueCapacity: this.deps.queueCapacity,
      concurrency: this.deps.concurrency,
      schedules,
    };
  }
}
