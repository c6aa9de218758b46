/**
 * Reads Meta's usage headers. Both are JSON strings of whole-number percentages (0–100):
 * - `x-app-usage: {"call_count":28,"total_cputime":25,"total_time":25}`
 * - `x-business-use-case-usage: {"<ig-user-id>":[{"type":"instagram","call_count":41,
 *   "total_cputime":2,"total_time":4,"estimated_time_to_regain_access":0}]}` — one key per
 *   business object (for Instagram, the IG user id); the regain time is in minutes.
 * They only appear once "enough" calls were made, and may be malformed: absent means unknown.
 */

export interface AccountUsage {
  /** The highest figure of the account's own (Business Use Case) usage, in percent. */
  percent: number;
  /** The highest figure of the whole app's usage (`X-App-Usage`), when the header came. */
  appPercent?: number;
  /** How long Instagram says the account is blocked for, in ms (0 when not blocked). */
  regainMs: number;
}

const USAGE_FIELDS = ['call_count', 'total_cputime', 'total_time'] as const;

function parseJson(value: string | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function highest(entry: unknown): number {
  if (!entry || typeof entry !== 'object') return 0;
  const record = entry as Record<string, unknown>;
  let max = 0;
  for (const field of USAGE_FIELDS) {
    const value = record[field];
    if (typeof value === 'number' && Number.isFinite(value)) max = Math.max(max, value);
  }
  return max;
}

function regainMinutes(entry: unknown): number {
  const value = (entry as Record<string, unknown> | null)?.estimated_time_to_regain_access;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * This account's usage from one response's headers (names lower-case, as Node gives them),
 * or undefined when neither header says anything about it.
 */
export function parseUsageHeaders(
  headers: Record<string, string | undefined>,
  igUserId: string,
): AccountUsage | undefined {
  const app = parseJson(headers['x-app-usage']);
  const buc = parseJson(headers['x-business-use-case-usage']);
  const bucEntries =
    buc && typeof buc === 'object' ? (buc as Record<string, unknown>)[igUserId] : undefined;
  const entries = Array.isArray(bucEntries) ? bucEntries : [];
  if (app === undefined && entries.length === 0) return undefined;
  let percent = 0;
  let regain = 0;
  for (const entry of entries) {
    percent = Math.max(percent, highest(entry));
    regain = Math.max(regain, regainMinutes(entry));
  }
  const usage: AccountUsage = { percent, regainMs: regain * 60_000 };
  if (app !== undefined) usage.appPercent = highest(app);
  return usage;
}
