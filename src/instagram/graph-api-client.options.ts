import type { Logger } from 'pino';
import type { GraphApiMetrics } from './graph-api.transport.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.policy.js';

/** Instagram's page-size caps: 100 media (undocumented, what everyone uses), 50 comments. */
export const MAX_MEDIA_PAGE_SIZE = 100;
export const MAX_COMMENTS_PAGE_SIZE = 50;

export interface GraphApiClientOptions {
  logger?: Logger;
  metrics?: GraphApiMetrics;
  /** Seams for tests: how to wait, what time it is, and the jitter source. Default: real. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Longest a call may wait for a throttled or slowed-down account before failing. 15 min. */
  maxThrottleWaitMs?: number;
  /** Throttle retries per call (default `graphApi.maxRetries`). */
  maxThrottleRetries?: number;
  /** First transient backoff (doubles per retry, with jitter). Default 1 s; ceiling 60 s. */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** First throttle backoff when Instagram gives no regain time. Default 60 s. */
  throttleBaseDelayMs?: number;
  /** Usage percent from which an account's calls are spaced out (75), and the spacing at 100 % (30 s). */
  slowdownFromPercent?: number;
  maxSpacingMs?: number;
  /** Retries one account may spend per hour over all its calls (default 1000), and waits (60 min). */
  maxRetriesPerAccount?: number;
  maxRetryWaitPerAccountMs?: number;
  /** Calls in flight at once for one account while usage is low (fewer as it rises). Default 4. */
  maxConcurrentPerAccount?: number;
}

export interface ListMediaOptions {
  /** Created at or after / before (Instagram's time-based paging on the media edge). */
  since?: Date;
  until?: Date;
  /** Go on after this cursor (a page's `paging.cursors.after`) instead of from the newest. */
  after?: string;
  /** Media per page, capped at 100. Default 100. */
  pageSize?: number;
  /** Expand each media's first comments page (limit capped at 50), with replies. Default none. */
  withComments?: { limit?: number; replies?: boolean };
  /** Expand each media's lifetime insights with these metrics. */
  withInsights?: readonly string[];
}

export interface AccountInsightsQuery {
  metrics: readonly string[];
  period: string;
  /** `total_value` returns one total for the whole window; default time series. */
  metricType?: 'time_series' | 'total_value';
  breakdown?: string;
  /** At most 30 days apart (refused before any call otherwise). */
  since: Date;
  until: Date;
}

/** The retry policy the options ask for, with `maxRetries` from the configuration. */
export function retryPolicyOf(options: GraphApiClientOptions, maxRetries: number): RetryPolicy {
  return {
    maxRetries,
    maxThrottleRetries: options.maxThrottleRetries ?? maxRetries,
    baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: options.retryMaxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    throttleBaseDelayMs: options.throttleBaseDelayMs ?? DEFAULT_RETRY_POLICY.throttleBaseDelayMs,
  };
}
