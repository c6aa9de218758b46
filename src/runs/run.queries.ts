import type { Agenda } from 'agenda';
import type { RunRepository } from './store/run.repository.js';
import { SCHEDULED_JOB } from './job-registry.js';
import { assertRunId } from './run-id.js';
import { AppError } from '../errors/app.error.js';
import { BATCH_DESCRIPTION, BATCH_NAME, describeSchedule } from '../legacy/batch-wording.js';
import type { StatusOverview, RunFilter, RunPage, RunRecord } from './run.vocabulary.js';

interface QueryDeps {
  runs: RunRepository;
  agenda: Agenda;
  cron: string;
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

  async status(): Promise<StatusOverview> {
    const { runs, agenda } = this.deps;
    const [running, queued, lastExecution, scheduled] = await Promise.all([
      runs.countByStatus('RUNNING'),
      runs.countByStatus('QUEUED'),
      runs.lastStartedAt(),
      agenda.queryJobs({ name: SCHEDULED_JOB, limit: 1 }),
    ]);
    const next = scheduled.jobs[0]?.nextRunAt;
    return {
      batchName: BATCH_NAME,
      description: BATCH_DESCRIPTION,
      schedule: describeSchedule(this.deps.cron, this.deps.timezone),
      cron: this.deps.cron,
      timezone: this.deps.timezone,
      nextRunAt: next ? new Date(next) : null,
      lastExecution,
      status: 'active',
      running,
      queued,
      queueCapacity: this.deps.queueCapacity,
      concurrency: this.deps.concurrency,
    };
  }
}
