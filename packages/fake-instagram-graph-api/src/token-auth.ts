/**
 * Access tokens: read from `Authorization: Bearer|OAuth <token>` or `access_token=`, like
 * the real API, and checked against the store. `/debug_token` reports on any token.
 */
import type { IncomingHttpHeaders } from 'node:http';

import type { FakeAccount } from './fake-graph-api.types.js';
import type { FakeStore, TokenState } from './fake-store.js';
import type { Json } from './graph-context.js';
import {
  expiredToken,
  invalidToken,
  missingToken,
  revokedToken,
  type GraphError,
} from './graph-errors.js';
import { DAY_MS } from './graph-time.js';

export const FAKE_APP_ID = '1234567890123456';
/** Every read permission of the Facebook-Login flavour, as a fully granted token has them. */
export const FULL_SCOPES = [
  'instagram_basic',
  'instagram_manage_insights',
  'instagram_manage_comments',
  'pages_show_list',
  'pages_read_engagement',
  'business_management',
];

export interface CallerToken {
  token?: string;
  /** The token came in the query string (paging links then carry it too). */
  inQuery: boolean;
}

export function readToken(headers: IncomingHttpHeaders, query: URLSearchParams): CallerToken {
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (match?.[1]) return { token: match[1], inQuery: false };
  const fromQuery = query.get('access_token');
  return fromQuery ? { token: fromQuery, inQuery: true } : { inQuery: false };
}

/** Why the token does not work now, or undefined when it does. A past expiry sticks. */
export function tokenProblem(state: TokenState | undefined, nowMs: number): GraphError | undefined {
  if (!state) return invalidToken();
  if (state.status === 'valid' && nowMs >= state.expiresAtMs) {
    state.status = 'expired';
    state.expiredAtMs = state.expiresAtMs;
  }
  if (state.status === 'revoked') return revokedToken();
  if (state.status === 'expired') return expiredToken(state.expiredAtMs ?? nowMs, nowMs);
  return undefined;
}

/** The caller's account, or the API's error for a missing or bad token. */
export function authenticate(
  store: FakeStore,
  token: string | undefined,
  nowMs: number,
): FakeAccount {
  if (!token) throw missingToken();
  const state = store.tokens.get(token);
  const problem = tokenProblem(state, nowMs);
  if (problem || !state) throw problem ?? invalidToken();
  return state.account;
}

/** Marks a token expired as of now (the `tokenExpired` fault and `expireToken`). */
export function expireNow(state: TokenState | undefined, nowMs: number): void {
  if (state && state.status === 'valid') {
    state.status = 'expired';
    state.expiredAtMs = nowMs;
  }
}

/**
 * `GET /debug_token?input_token=…`. The caller's own token may be an app token
 * (`{app-id}|{secret}`) or any valid user token, as on the real API.
 */
export function debugToken(
  store: FakeStore,
  callerToken: string | undefined,
  inputToken: string,
  nowMs: number,
): Json {
  if (!callerToken) throw missingToken();
  if (!callerToken.includes('|')) authenticate(store, callerToken, nowMs);
  const state = store.tokens.get(inputToken);
  const problem = tokenProblem(state, nowMs);
  if (!state)
    return {
      data: { error: { code: 190, message: problem?.body.message }, is_valid: false, scopes: [] },
    };
  const seconds = (ms: number): number => Math.floor(ms / 1000);
  const scopes = state.scopes ?? FULL_SCOPES;
  const error = problem
    ? { error: { code: 190, message: problem.body.message, subcode: problem.body.error_subcode } }
    : {};
  return {
    data: {
      app_id: FAKE_APP_ID,
      type: 'USER',
      application: 'Instagram Sync (fake)',
      data_access_expires_at: seconds(
        state.dataAccessExpiresAtMs ?? state.issuedAtMs + 90 * DAY_MS,
      ),
      ...error,
      expires_at: seconds(state.expiresAtMs),
      is_valid: problem === undefined,
      issued_at: seconds(state.issuedAtMs),
      scopes,
      granular_scopes: scopes.map((scope) => ({ scope, target_ids: [state.account.igUserId] })),
      user_id: state.account.appScopedId,
    },
  };
}
