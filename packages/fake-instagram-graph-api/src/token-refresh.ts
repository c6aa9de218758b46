/**
 * Issuing tokens: `rotateToken` and `GET /refresh_access_token` (Instagram Login). A refresh
 * gives a new long-lived token valid 60 days from now; the old one keeps working until its own
 * expiry, as on the real API. Only a token at least 24 hours old may be refreshed.
 */
import { makeToken } from './dataset.generator.js';
import type { FakeAccount } from './fake-graph-api.types.js';
import type { FakeStore, TokenState } from './fake-store.js';
import type { Json } from './graph-context.js';
import { invalidParameter } from './graph-errors.js';
import { DAY_MS } from './graph-time.js';
import { authenticate } from './token-auth.js';

const LONG_LIVED_MS = 60 * DAY_MS;
const MIN_AGE_MS = DAY_MS;

/** A new valid token for `account`, now its current one; `scopes` carry over from a refresh. */
export function issueToken(
  store: FakeStore,
  account: FakeAccount,
  nowMs: number,
  scopes?: string[],
): TokenState {
  const version = [...store.tokens.values()].filter((t) => t.account === account).length;
  const token = makeToken(store.settings.seed, account.index, version);
  const state: TokenState = {
    token,
    account,
    status: 'valid',
    issuedAtMs: nowMs,
    expiresAtMs: nowMs + LONG_LIVED_MS,
    ...(scopes ? { scopes: [...scopes] } : {}),
  };
  store.tokens.set(token, state);
  account.accessToken = token;
  return state;
}

/** `GET /refresh_access_token?grant_type=ig_refresh_token` with the long-lived token. */
export function refreshToken(
  store: FakeStore,
  token: string | undefined,
  grantType: string | undefined,
  nowMs: number,
): Json {
  const account = authenticate(store, token, nowMs);
  if (grantType !== 'ig_refresh_token') {
    throw invalidParameter('grant_type must be ig_refresh_token');
  }
  const old = store.tokens.get(token ?? '');
  if (old && nowMs - old.issuedAtMs < MIN_AGE_MS) {
    throw invalidParameter('The access token must be at least 24 hours old to be refreshed');
  }
  const fresh = issueToken(store, account, nowMs, old?.scopes);
  return {
    access_token: fresh.token,
    token_type: 'bearer',
    expires_in: Math.floor(LONG_LIVED_MS / 1000),
  };
}
