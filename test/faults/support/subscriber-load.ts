import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { recordEvents } from '../../support/event-recorder.js';

/** One subscription of one subscriber: the seqs it received and how late each live one was. */
export interface Followed {
  executionId: string;
  seqs: number[];
  /** Receive time minus the event's `at`, for events emitted after the subscription began. */
  liveLatenciesMs: number[];
}

/**
 * `count` subscribers, each on its own graphql-ws socket, each following runs one after the
 * other until `untilMs` (epoch): it picks a run (`pickRun`), subscribes from seq 0 and records
 * everything until the run's final event completes the subscription.
 */
export async function subscriberLoad(
  wsUrl: string,
  count: number,
  pickRun: () => string | undefined,
  untilMs: number,
): Promise<Followed[]> {
  const followed: Followed[] = [];
  const subscriber = async () => {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      while (Date.now() < untilMs) {
        const executionId = pickRun();
        if (!executionId) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        const since = Date.now();
        const recording = recordEvents(client, executionId, 0);
        const events = await recording.done;
        followed.push({
          executionId,
          seqs: events.map((e) => e.seq),
          liveLatenciesMs: events
            .map((e, i) => [Date.parse(e.at), recording.receivedAt[i]!] as const)
            .filter(([at]) => at >= since)
            .map(([at, received]) => received - at),
        });
      }
    } finally {
      await client.dispose();
    }
  };
  await Promise.all(Array.from({ length: count }, subscriber));
  return followed;
}

/** The `p`th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
