import { EventEmitter } from 'node:events';
import type { RunEvent } from '../runs/run.vocabulary.js';

/** Carries run events from whoever emits them to every subscriber, in this process or all. */
export interface EventBus {
  publish(event: RunEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: RunEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process: API and worker share memory (ROLE=all, tests). */
export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: RunEvent): Promise<void> {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: RunEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
