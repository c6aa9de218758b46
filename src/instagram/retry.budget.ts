/** How much retrying and waiting one account may spend per window, whatever its calls. */
export interface RetryBudgetOptions {
  now: () => number;
  /** Retries (transient and throttled) per account per window. Default 1000. */
  maxRetries?: number;
  /** Waits before retries (backoff and throttle waits) per account per window. Default 60 min. */
  maxWaitMs?: number;
  /** The window, counted from the account's first retry in it. Default 1 h. */
  windowMs?: number;
}

interface Spent {
  since: number;
  retries: number;
  waitMs: number;
}

/**
 * Bounds retries per account, beside the per-call bounds: an account that keeps failing has its
 * calls fail at once (with their own error) once its budget is spent, so its step — and the
 * run — ends instead of retrying call after call for hours. Reset a window after it began.
 */
export class RetryBudget {
  private readonly spent = new Map<string, Spent>();
  private readonly maxRetries: number;
  private readonly maxWaitMs: number;
  private readonly windowMs: number;

  constructor(private readonly options: RetryBudgetOptions) {
    this.maxRetries = options.maxRetries ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 60 * 60_000;
    this.windowMs = options.windowMs ?? 60 * 60_000;
  }

  /** Takes one retry after `waitMs` from the account's budget; false when it is spent. */
  take(igUserId: string, waitMs: number): boolean {
    const now = this.options.now();
    let spent = this.spent.get(igUserId);
    if (!spent || now - spent.since >= this.windowMs) {
      spent = { since: now, retries: 0, waitMs: 0 };
      this.spent.set(igUserId, spent);
    }
    if (spent.retries + 1 > this.maxRetries || spent.waitMs + waitMs > this.maxWaitMs) return false;
    spent.retries += 1;
    spent.waitMs += waitMs;
    return true;
  }
}
