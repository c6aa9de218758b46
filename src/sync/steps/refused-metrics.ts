import { isGraphApiError } from '../../instagram/index.js';

/** Instagram names the refused metric by its index: "(#100) metric[3] must be one of …". */
const REFUSED = /metric\[(\d+)\] must be one of/;

/** The metric of `metrics` a Graph API refusal names, or null when it is another failure. */
export function refusedMetric(error: unknown, metrics: readonly string[]): string | null {
  if (!isGraphApiError(error) || error.code !== 100) return null;
  const index = REFUSED.exec(error.message)?.[1];
  return index === undefined ? null : (metrics[Number(index)] ?? null);
}

/**
 * Asks for `metrics`; while Instagram refuses one of them (one bad name fails the whole call),
 * it is dropped, reported through `onRefused`, and the call repeated without it. A metric the
 * API no longer serves therefore costs one call per account, never the account's insights.
 */
export async function askWithoutRefused<T>(
  metrics: readonly string[],
  ask: (metrics: readonly string[]) => Promise<T>,
  onRefused: (metric: string) => void,
): Promise<{ answer: T | null; asked: readonly string[] }> {
  let asked = metrics;
  while (asked.length > 0) {
    try {
      return { answer: await ask(asked), asked };
    } catch (error) {
      const metric = refusedMetric(error, asked);
      if (metric === null) throw error;
      onRefused(metric);
      asked = asked.filter((name) => name !== metric);
    }
  }
  return { answer: null, asked };
}
