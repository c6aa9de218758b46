import type { IgInsight } from '../../instagram/index.js';

/**
 * `follows_and_unfollows` has a value only split by `breakdown=follow_type` (without it the
 * API answers no `total_value` at all): FOLLOWER counts follows, NON_FOLLOWER unfollows. It is
 * asked beside the other totals (which then carry the split too, and keep their value), or on
 * its own once Instagram refused that (see combined-totals.ts); the two halves are stored as
 * the metrics below.
 */
export const FOLLOWS_METRIC = 'follows_and_unfollows';
export const FOLLOW_TYPE_BREAKDOWN = 'follow_type';
export const STORED_FOLLOW_METRICS = { FOLLOWER: 'follows', NON_FOLLOWER: 'unfollows' } as const;

interface Breakdown {
  dimension_keys?: string[];
  results?: Array<{ dimension_values?: string[]; value?: unknown }>;
}

/** `{ follows, unfollows }` of one answer; null where Instagram gave no number. */
export function followsOf(insights: readonly IgInsight[]): Record<string, number | null> {
  const entry = insights.find((insight) => insight.name === FOLLOWS_METRIC);
  const split = (entry?.total_value?.breakdowns ?? []) as Breakdown[];
  const results = split.find((b) => b.dimension_keys?.includes(FOLLOW_TYPE_BREAKDOWN))?.results;
  const valueOf = (type: string) => {
    const value = results?.find((r) => r.dimension_values?.[0] === type)?.value;
    return typeof value === 'number' ? value : null;
  };
  return Object.fromEntries(
    Object.entries(STORED_FOLLOW_METRICS).map(([type, metric]) => [metric, valueOf(type)]),
  );
}
