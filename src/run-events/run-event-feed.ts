import type { RunEventRepository } from './run-event.repository.js';
import type { RunRepository } from '../runs/store/run.repository.js';
import { AppError } from '../errors/app.error.js';
import { assertRunId } from '../runs/run-id.js';
import type { RunEvent, RunRecord } from '../runs/run.vocabulary.js';
import type { EventBus } from './event-bus.js';
import { RunEventStream, type StreamOptions } from './run-event-stream.js';

/** What a subscriber may follow; the API layer builds it from the caller's rights. */
export interface EventViewer {
  /** Throws when the subscriber may not follow every run's events. */
  assertMayFollowAll(): void;
  /** Throws when the subscriber may not follow this run. */
  assertMayFollow(run: Pick<RunRecord, 'id' | 'targetUserNo'>): void;
  maySee(event: RunEvent): boolean;
}

/** Opens event streams for subscribers, refusing what cannot be honoured. */
export class RunEventFeed {
  private live = 0;

  constructor(
    private readonly runs: RunRepository,
    private readonly store: RunEventRepository,
    private readonly bus: EventBus,
  ) {}

  async open(
    args: { executionId?: string | null; afterSeq?: number | null },
    viewer: EventViewer,
  ): Promise<AsyncIterableIterator<RunEvent>> {
    const executionId = args.executionId ?? null;
    const afterSeq = args.afterSeq ?? null;
    if (afterSeq !== null && (!Number.isInteger(afterSeq) || afterSeq < 0)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `afterSeq must be a whole number of 0 or more; got ${afterSeq}`,
        'afterSeq',
      );
    }
    if (executionId === null) {
      if (afterSeq !== null)
        throw new AppError(
          'BAD_USER_INPUT',
          'afterSeq needs an executionId (seq numbers are per run)',
          'afterSeq',
        );
      viewer.assertMayFollowAll();
      return this.stream({ executionId: null, afterSeq: null, maySee: viewer.maySee });
    }
    const run = await this.runs.findRun(assertRunId(executionId, 'executionId'));
    if (!run)
      throw new AppError('NOT_FOUND', `execution ${executionId} does not exist`, 'executionId');
    viewer.assertMayFollow(run);
    return this.stream({ executionId, afterSeq, maySee: viewer.maySee });
  }

  /** Streams open now: the subscribers this process is feeding (a metrics gauge). */
  get liveStreams(): number {
    return this.live;
  }

  private stream(options: StreamOptions): RunEventStream {
    this.live += 1;
    return new RunEventStream(this.store, this.bus, {
      ...options,
      onClose: () => (this.live -= 1),
    });
  }
}
