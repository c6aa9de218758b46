import type { Agenda } from 'agenda';
import type { SyncRunRepository } from '../db/repositories/sync-run.repository.js';
import { SCHEDULED_JOB } from './job-registry.js';
import { SyncError } from './sync.errors.js';
import type { BatchStatus, RunFilter, RunPage, SyncRunRecord } from './sync-run.types.js';

interface QueryDeps {
  runs: SyncRunRepository;
  agenda: Agenda;
  cron: string;
  timezone: string;
  concurrency: number;
  queueCapacity: number;
}

export const BATCH_NAME = 'Instagram 동기화 배치';
export const BATCH_DESCRIPTION =
  '인스타그램 프로필, 미디어, 댓글, 인사이트 데이터를 동기화하는 배치 작업';

/** "매일 새벽 2시" for the default schedule (the old answer), the cron line otherwise. */
export function describeSchedule(cron: string, timezone: string): string {
  const daily = /^0 (\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (daily) {
    const hour = Number(daily[1]);
    const part = hour < 6 ? '새벽' : hour < 12 ? '오전' : hour < 18 ? '오후' : '저녁';
    const shown = hour > 12 ? hour - 12 : hour;
    return `매일 ${part} ${shown}시`;
  }
  return `${cron} (${timezone})`;
}

/** Read side of the batch: status, one run, runs by page. */
export class BatchQueries {
  constructor(private readonly deps: QueryDeps) {}

  async getRun(executionId: string): Promise<SyncRunRecord> {
    const run = await this.deps.runs.findRun(executionId);
    if (!run) throw new SyncError('NOT_FOUND', `execution ${executionId} does not exist`, 'id');
    return run;
  }

  async listRuns(filter: RunFilter): Promise<RunPage> {
    const first = filter.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw new SyncError(
        'BAD_USER_INPUT',
        `first must be a whole number from 1 to 100; got ${first}`,
        'first',
      );
    }
    if (filter.after && !/^\d+$/.test(filter.after)) {
      throw new SyncError(
        'BAD_USER_INPUT',
        `after must be an endCursor returned by batchExecutions; got ${JSON.stringify(filter.after)}`,
        'after',
      );
    }
    return this.deps.runs.listRuns({ ...filter, first });
  }

  async status(): Promise<BatchStatus> {
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
