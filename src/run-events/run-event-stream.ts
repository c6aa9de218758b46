import type { RunEventRepository } from './run-event.repository.js';
import { FINAL_EVENT_TYPES, type RunEvent } from '../runs/run.vocabulary.js';
import type { EventBus } from './event-bus.js';

export interface StreamOptions {
  /** null: every run's live events. */
  executionId: string | null;
  /** Replay stored events after this seq first (one run only); null or 0 replays all. */
  afterSeq: number | null;
  /** How often a quiet stream of one run re-reads the store (default 1 s). */
  storePollMs?: number;
  /** Events the subscriber may not see are skipped (still counted for order and the end). */
  maySee?: (event: RunEvent) => boolean;
  /** Called once when the stream ends (its run ended, or the subscriber left). */
  onClose?: () => void;
}

/**
 * Replay-then-live event stream with no gap and no duplicate. It listens to the bus before it
 * reads the store, drops what it already delivered (`seq <= last`) and fills any hole (an event
 * published out of order by another worker) from the store. For one run it ends after the
 * run's final event. `return()` (a client unsubscribing) stops it at once, even while waiting.
 */
export class RunEventStream implements AsyncIterableIterator<RunEvent> {
  private readonly inbox: RunEvent[] = [];
  private readonly out: RunEvent[] = [];
  private readonly unsubscribe: () => void;
  private closed = false;
  private failure: unknown = null;
  private wakeInbox: (() => void) | null = null;
  private wakeReader: (() => void) | null = null;

  constructor(
    private readonly store: RunEventRepository,
    bus: EventBus,
    private readonly options: StreamOptions,
  ) {
    this.unsubscribe = bus.subscribe((event) => {
      if (options.executionId !== null && event.executionId !== options.executionId) return;
      this.inbox.push(event);
      this.wakeInbox?.();
    });
    this.pump().catch((error: unknown) => {
      this.failure = error;
      this.close();
    });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<RunEvent>> {
    for (;;) {
      const event = this.out.shift();
      if (event) return { value: event, done: false };
      if (this.failure) throw this.failure;
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
  }

  async return(): Promise<IteratorResult<RunEvent>> {
    this.out.length = 0;
    this.close();
    return { value: undefined, done: true };
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.options.onClose?.();
    this.wakeInbox?.();
    this.wakeReader?.();
  }

  private deliver(event: RunEvent): boolean {
    if (this.options.maySee?.(event) ?? true) {
      this.out.push(event);
      this.wakeReader?.();
    }
    return this.options.executionId !== null && FINAL_EVENT_TYPES.includes(event.type);
  }

  /** Waits for a live event; false when `ms` passed first. */
  private waitForInbox(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.wakeInbox = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /** Delivers stored events after `last` up to `toSeq`; returns the new last seq, or null once final. */
  private async deliverStored(runId: string, last: number, toSeq?: number): Promise<number | null> {
    for (const event of await this.store.listAfter(runId, last, toSeq)) {
      last = event.seq;
      if (this.deliver(event)) return null;
    }
    return last;
  }

  private async pump(): Promise<void> {
    const runId = this.options.executionId;
    if (runId === null) {
      while (!this.closed) {
        const event = this.inbox.shift();
        if (event) this.deliver(event);
        else await this.waitForInbox(60_000);
      }
      return;
    }
    let last: number | null = await this.deliverStored(runId, this.options.afterSeq ?? 0);
    while (!this.closed && last !== null) {
      const event = this.inbox.shift();
      if (!event) {
        // Nothing live for a while: read the store, in case the bus missed an event (Redis
        // pub/sub delivers at most once) or the run's workers publish on another bus.
        if (!(await this.waitForInbox(this.options.storePollMs ?? 1_000)))
          last = await this.deliverStored(runId, last);
        continue;
      }
      if (event.seq <= last) continue;
      if (event.seq > last + 1) last = await this.deliverStored(runId, last, event.seq - 1);
      if (last === null) break;
      last = event.seq;
      if (this.deliver(event)) break;
    }
    this.close();
  }
}
