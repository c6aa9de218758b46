import type {
  NewRunEvent,
  RunEventRepository,
} from '../../db/repositories/run-event.repository.js';
import type { RunEvent } from '../sync-run.types.js';
import type { EventBus } from './event-bus.js';

/** How the run machinery reports what happens: stored first (so replay sees it), then published. */
export class RunEvents {
  constructor(
    private readonly store: RunEventRepository,
    private readonly bus: EventBus,
  ) {}

  async emit(event: NewRunEvent): Promise<RunEvent> {
    const stored = await this.store.append(event);
    await this.bus.publish(stored);
    return stored;
  }
}
