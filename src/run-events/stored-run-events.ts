import type { EventDetails, RunEvents } from '../runs/run-events.port.js';
import type { RunEventRepository } from './run-event.repository.js';
import type { RunEvent, RunEventType } from '../runs/run.vocabulary.js';
import type { EventBus } from './event-bus.js';

/** Run events stored first (so a replay sees them), then published on the bus. */
export class StoredRunEvents implements RunEvents {
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
