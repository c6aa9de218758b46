import { isGraphApiError } from './graph-api.error.js';
import type { IgInsight } from './graph-api.types.js';

/**
 * Asks for `items` (fields, metrics, days) in one request; when Instagram still answers code 1
 * "Please reduce the amount of data" after the client's retries, asks for each half — halving
 * again as needed — and merges the answers. A single item that is still too much fails.
 */
export async function inHalves<I, R>(
  items: readonly I[],
  ask: (part: readonly I[]) => Promise<R>,
  merge: (first: R, second: R) => R,
): Promise<R> {
  try {
    return await ask(items);
  } catch (error) {
    if (items.length < 2 || !isGraphApiError(error) || !error.tooMuchData) throw error;
    const middle = Math.ceil(items.length / 2);
    const first = await inHalves(items.slice(0, middle), ask, merge);
    return merge(first, await inHalves(items.slice(middle), ask, merge));
  }
}

/** Two answers of the same insights call over adjacent ranges or other metrics, as one. */
export function mergeInsights(first: IgInsight[], second: IgInsight[]): IgInsight[] {
  const copy = (i: IgInsight): IgInsight => (i.values ? { ...i, values: [...i.values] } : { ...i });
  const merged = first.map(copy);
  for (const insight of second) {
    const same = merged.find((m) => m.name === insight.name && m.period === insight.period);
    if (!same) merged.push(copy(insight));
    else if (insight.values) (same.values ??= []).push(...insight.values);
  }
  return merged;
}
