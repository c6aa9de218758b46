import { isGraphApiError, type GraphApiError } from '../../instagram/index.js';

const ABOUT_BREAKDOWN = /\bbreakdowns?\b/i;
/** "(#100) metric[3] must be one of …" names a refused metric, handled by refused-metrics.ts. */
const NAMES_A_METRIC = /\bmetric\[\d+\]/;

/**
 * Whether Instagram takes `breakdown=follow_type` beside the other `total_value` metrics, so a
 * day's totals and its follows/unfollows come in one call. Assumed until Instagram refuses it
 * once; from then on every day of every account asks them in two calls. One per process (built
 * with the steps): it is the API's behaviour, not an account's or a day's.
 */
export class CombinedTotals {
  private refused = false;

  get combined(): boolean {
    return !this.refused;
  }

  /** Asks apart from now on; true the first time only (so the change is said once). */
  separate(): boolean {
    if (this.refused) return false;
    this.refused = true;
    return true;
  }
}

/**
 * A code-100 refusal that is about the breakdown: not a refused metric name, nor the window,
 * history or follower_count rules (which do not mention it).
 */
export function isBreakdownRefusal(error: unknown): error is GraphApiError {
  if (!isGraphApiError(error) || error.code !== 100) return false;
  return ABOUT_BREAKDOWN.test(error.message) && !NAMES_A_METRIC.test(error.message);
}
