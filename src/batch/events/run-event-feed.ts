import type { RunEventRepository } from '../../db/repositories/run-event.repository.js';
import type { SyncRunRepository } from '../../db/repositories/sync-run.repository.js';
import { SyncError } from '../sync.errors.js';
import type { RunEvent } from '../sync-run.types.js';
import type { EventBus } from './event-bus.js';
import { RunEventStream } from './run-event-stream.js';

/** Opens event streams for subscribers, refusing what cannot be honoured. */
export class RunEventFeed {
  constructor(
    private readonly runs: SyncRunRepository,
    private readonly store: RunEventRepository,
    private readonly bus: EventBus,
  ) {}

  async open(args: {
    executionId?: string | null;
    afterSeq?: number | null;
  }): Promise<AsyncIterableIterator<RunEvent>> {
    const executionId = args.executionId ?? null;
    const afterSeq = args.afterSeq ?? null;
    if (afterSeq !== null && (!Number.isInteger(afterSeq) || afterSeq < 0)) {
      throw new SyncError(
        'BAD_USER_INPUT',
        `afterSeq must be a whole number of 0 or more; got ${afterSeq}`,
        'afterSeq',
      );
    }
    if (executionId === null) {
      if (afterSeq !== null)
        throw new SyncError(
          'BAD_USER_INPUT',
          'afterSeq needs an executionId (seq numbers are per run)',
          'afterSeq',
        );
      return new RunEventStream(this.store, this.bus, { executionId: null, afterSeq: null });
    }
    if (!(await this.runs.findRun(executionId)))
      throw new SyncError('NOT_FOUND', `execution ${executionId} does not exist`, 'executionId');
    return new RunEventStream(this.store, this.bus, { executionId, afterSeq });
  }
}
