import type { Agenda } from 'agenda';
import type { RunRepository } from './store/run.repository.js';
import type { RunStatus } from './run.vocabulary.js';

/** One job name's Agenda jobs waiting for a worker and running now. */
export interface JobQueueDepth {
  job: string;
  queued: number;
  running: number;
}

/**
 * The figures a metrics scrape reads from the database: runs per status and Agenda's queue.
 * Both are cheap and bounded: a GROUP BY on the runs' status index, and Agenda's overview of
 * its table, which holds only unfinished jobs (jobs are removed on completion).
 */
export class RunGauges {
  constructor(
    private readonly runs: RunRepository,
    private readonly agenda: Agenda,
  ) {}

  runsByStatus(): Promise<Map<RunStatus, number>> {
    return this.runs.countsByStatus();
  }

  /** Every job this process defines (0 when none is queued), never names it does not know. */
  async jobQueue(): Promise<JobQueueDepth[]> {
    const overview = await this.agenda.getJobsOverview();
    return Object.keys(this.agenda.definitions).map((job) => {
      const found = overview.find((o) => o.name === job);
      return { job, queued: found?.queued ?? 0, running: found?.running ?? 0 };
    });
  }
}
