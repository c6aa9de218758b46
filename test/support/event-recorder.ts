import type { Client } from 'graphql-ws';
import { PROGRESS_FIELDS, type ProgressEvent } from './service.js';

/** One run's events as a subscriber received them, with the time each arrived. */
export interface EventRecording {
  events: ProgressEvent[];
  /** `Date.now()` when each event arrived, index for index. */
  receivedAt: number[];
  /** Resolves with the events when the subscription completes (after the run's final event). */
  done: Promise<ProgressEvent[]>;
}

/**
 * Subscribes to `batchProgress` of one run after `afterSeq` and records what arrives; unlike
 * `collectEvents` the recording can be read (or its client disposed) before the run ends.
 */
export function recordEvents(
  client: Client,
  executionId: string,
  afterSeq: number | null = 0,
): EventRecording {
  const events: ProgressEvent[] = [];
  const receivedAt: number[] = [];
  const done = new Promise<ProgressEvent[]>((resolve, reject) => {
    client.subscribe<{ batchProgress: ProgressEvent }>(
      {
        query: `subscription($id: ID, $after: Int) { batchProgress(executionId: $id, afterSeq: $after) { ${PROGRESS_FIELDS} } }`,
        variables: { id: executionId, after: afterSeq },
      },
      {
        next: (message) => {
          if (message.errors) reject(new Error(JSON.stringify(message.errors)));
          else if (message.data) {
            events.push(message.data.batchProgress);
            receivedAt.push(Date.now());
          }
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
  done.catch(() => {});
  return { events, receivedAt, done };
}
