import { DEFAULT_MEDIA_INSIGHT_CADENCE, type CadenceRule } from './insight-cadence.js';

/** Knobs of the four steps; production uses the defaults, tests turn some of them. */
export interface SyncStepOptions {
  /** The steps' clock (snapshot day, insight days, staleness). Default: real time. */
  now?: () => Date;
  /** Media per page, at most 100 (Instagram's cap). Default 100. */
  mediaPageSize?: number;
  /**
   * Comments per media expanded into each media page (at most 50, Instagram's cap), with the
   * first page of their replies; 0 keeps the media pages lean. Default 50.
   */
  expandedComments?: number;
  /** A media's comments are read again once their last full read is this old. Default 24 h. */
  commentStalenessMs?: number;
  /** Media whose comments are read at once for one account. Default 4. */
  commentConcurrency?: number;
  /** Insight calls (one per day or per media) at once for one account. Default 4. */
  insightConcurrency?: number;
  /** Days or media whose insights are written in one bulk upsert (one checkpoint). Default 25. */
  insightBatch?: number;
  /** Days before today Instagram may still fill in (re-read every run, never final). Default 3. */
  trailingDays?: number;
  /** Daily `metric_type=total_value` account metrics, all in one call per day. */
  totalValueMetrics?: readonly string[];
  /**
   * Also read the metrics only some media types have (Reels' watch time, feed posts' follows
   * and profile visits): one call of its own per such media, on the cadence. Default false:
   * the media pages bring the metrics every type has, at no call of their own.
   */
  mediaTypeMetrics?: boolean;
  /** When a media's insights are asked on their own, by its age (see insight-cadence.ts). */
  mediaInsightCadence?: readonly CadenceRule[];
}

export type ResolvedStepOptions = Required<SyncStepOptions>;

/**
 * Account metrics that give one total per since→until range (`period=day`,
 * `metric_type=total_value`), from the v25 "must be one of" list. Left out: `profile_views`
 * and `website_clicks` (deprecated in v21, kept only by some versions) and `reposts` (too new
 * to rely on): one refused name fails the whole call. `follows_and_unfollows` joins them in
 * the same call, split by follow_type (see follow-insights.ts and combined-totals.ts).
 */
export const DEFAULT_TOTAL_VALUE_METRICS: readonly string[] = [
  'accounts_engaged',
  'total_interactions',
  'likes',
  'comments',
  'shares',
  'saves',
  'replies',
  'views',
  'profile_links_taps',
];

const HOUR_MS = 3_600_000;

/** The options with every default filled in. */
export function resolveStepOptions(options: SyncStepOptions = {}): ResolvedStepOptions {
  return {
    now: options.now ?? (() => new Date()),
    mediaPageSize: options.mediaPageSize ?? 100,
    expandedComments: options.expandedComments ?? 50,
    commentStalenessMs: options.commentStalenessMs ?? 24 * HOUR_MS,
    commentConcurrency: options.commentConcurrency ?? 4,
    insightConcurrency: options.insightConcurrency ?? 4,
    insightBatch: options.insightBatch ?? 25,
    trailingDays: options.trailingDays ?? 3,
    totalValueMetrics: options.totalValueMetrics ?? DEFAULT_TOTAL_VALUE_METRICS,
    mediaTypeMetrics: options.mediaTypeMetrics ?? false,
    mediaInsightCadence: options.mediaInsightCadence ?? DEFAULT_MEDIA_INSIGHT_CADENCE,
  };
}
