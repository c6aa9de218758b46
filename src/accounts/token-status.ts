import type { IgAccountRecord } from '../db/repositories/ig-account.repository.js';

/**
 * How close to expiry a token is flagged `EXPIRING`: a week leaves the daily refresh job
 * several tries (Instagram Login) and the user time to log in again (Facebook Login, which
 * cannot be refreshed server-side), before syncs start failing with code 190.
 */
export const EXPIRING_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

export const TOKEN_STATUSES = ['VALID', 'EXPIRING', 'INVALID'] as const;
/** What an account's token is worth now, as the API shows it. */
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

type TokenDates = Pick<IgAccountRecord, 'tokenExpiresAt' | 'dataAccessExpiresAt'> & {
  status: string;
};

/**
 * `INVALID` once Instagram refused the token (190) or the account was disconnected (no token
 * left); `EXPIRING` when the token or its data access lapses within EXPIRING_WITHIN_MS
 * (or already has); otherwise `VALID`.
 */
export function tokenStatusOf(account: TokenDates, nowMs: number): TokenStatus {
  if (account.status !== 'active') return 'INVALID';
  const limit = nowMs + EXPIRING_WITHIN_MS;
  const lapses = [account.tokenExpiresAt, account.dataAccessExpiresAt];
  return lapses.some((at) => at !== null && at.getTime() <= limit) ? 'EXPIRING' : 'VALID';
}
