import type {
  NewRunEvent,
  RunEventRepository,
} from '../../db/repositories/run-event.repository.js';
import type { RunEvent, RunEventType } from '../sync-run.types.js';
import type { EventBus } from './event-bus.js';

/** What an event says beyond its run and type; unset fields are null, status RUNNING. */
export type EventDetails = Partial<Omit<NewRunEvent, 'executionId' | 'type'>>;

/** How the run machinery reports what happens: stored first (so replay sees it), then published. */
export class RunEvents {
  constructor(
    private readonly store: RunEventRepository,
    private readonly bus: EventBus,
  ) {}

  async emit(
    executionId: string,
    type: RunEventType,
    details: EventDetails = {},
  ): Promise<RunEvent> {
    const stored = await this.store.append({
      executionId,
      type,
      step: details.step ?? null,
      progress: details.progress ?? null,
      message: details.message ?? null,
      userNo: details.userNo ?? null,
      status: details.status ?? 'RUNNING',
      at: details.at,
    });
    await this.bus.publish(stored);
    return stored;
  }
}
