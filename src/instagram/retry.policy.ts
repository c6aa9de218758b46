/** How the client waits between attempts. Times in ms; `random` returns [0, 1). */
export interface RetryPolicy {
  /** Retries of a transient failure (5xx, network, timeout, code 1/2) after the first attempt. */
  maxRetries: number;
  /** Retries after a throttle (each after waiting out the account's block). */
  maxThrottleRetries: number;
  /** First transient backoff; doubles each attempt. Default 1 s. */
  baseDelayMs: number;
  /** Ceiling of one transient backoff. Default 60 s. */
  maxDelayMs: number;
  /** First throttle backoff when Instagram gives no regain time; doubles. Default 60 s. */
  throttleBaseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxRetries' | 'maxThrottleRetries'> = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  throttleBaseDelayMs: 60_000,
};

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries
 * from many workers spread out but never fire at once. `attempt` counts from 1.
 */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
