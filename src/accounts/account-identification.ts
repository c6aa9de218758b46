import type { IgLoginType } from '../db/repositories/ig-account.repository.js';
import { AppError } from '../errors/app.error.js';
import type { ConnectCalls } from '../instagram/connect-calls.js';
import { isGraphApiError } from '../instagram/graph-api.error.js';
import type { TokenDebug } from '../instagram/token-debug.js';
import { missingScopes } from './token-scopes.js';

/** The Instagram account a token connects, with what Instagram said about the token. */
export interface IdentifiedAccount {
  igUserId: string;
  username: string | null;
  grants: TokenDebug;
}

/**
 * graph.instagram.com has no `/debug_token` nor any other documented way to read a token's
 * scopes or expiry (reference §9): an Instagram-Login token is accepted with none recorded.
 */
const UNREPORTED_GRANTS: TokenDebug = {
  valid: true,
  scopes: [],
  expiresAt: null,
  dataAccessExpiresAt: null,
};

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/**
 * Facebook Login: the named account, or the only one the token's Pages link to
 * (`/me/accounts`); then the token must read it and hold every scope a sync needs.
 */
export async function identifyFacebookAccount(
  graph: ConnectCalls,
  accessToken: string,
  named: string | null,
): Promise<IdentifiedAccount> {
  const igUserId = named ?? (await discoverFacebookAccount(graph, accessToken));
  const check = await graph.checkToken(igUserId, accessToken);
  if (!check.ok) throw new AppError('BAD_USER_INPUT', check.message, 'accessToken');
  const grants = await assertGrants(graph, igUserId, accessToken);
  return { igUserId, username: check.profile.username || null, grants };
}

/** Instagram Login: `/me` names the token's account; a named one must be that one. */
export async function identifyInstagramAccount(
  graph: ConnectCalls,
  accessToken: string,
  named: string | null,
): Promise<IdentifiedAccount> {
  const user = await refusingBadTokens(() => graph.getInstagramLoginUser(accessToken));
  if (!user) {
    throw new AppError(
      'BAD_USER_INPUT',
      'Instagram did not name the account of this access token; is it an Instagram-Login token?',
      'accessToken',
    );
  }
  if (named !== null && named !== user.igUserId) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The access token belongs to another Instagram account than ${named}.`,
      'igUserId',
    );
  }
  return { igUserId: user.igUserId, username: user.username, grants: UNREPORTED_GRANTS };
}

/** Identifies the account of `accessToken` the way its login flavour allows. */
export function identifyAccount(
  graph: ConnectCalls,
  loginType: IgLoginType,
  accessToken: string,
  named: string | null,
): Promise<IdentifiedAccount> {
  return loginType === 'INSTAGRAM'
    ? identifyInstagramAccount(graph, accessToken, named)
    : identifyFacebookAccount(graph, accessToken, named);
}

async function discoverFacebookAccount(graph: ConnectCalls, token: string): Promise<string> {
  const ids = await refusingBadTokens(() => graph.listPageAccounts(token));
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      'The access token reaches no Instagram business account (no Facebook Page it manages is linked to one); link the account to a Page, or pass igUserId.',
      'igUserId',
    );
  }
  throw new AppError(
    'BAD_USER_INPUT',
    `The access token reaches ${ids.length} Instagram accounts (${ids.join(', ')}); pass igUserId to choose one.`,
    'igUserId',
  );
}

/** A token Instagram refuses (190, 10/200) is the caller's to fix; anything else is thrown. */
async function refusingBadTokens<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isGraphApiError(error, 'auth') || isGraphApiError(error, 'permission')) {
      const detail = `Instagram code ${error.code}${error.subcode ? `/${error.subcode}` : ''}`;
      const message = isGraphApiError(error, 'auth')
        ? `The access token is invalid or expired (${detail}).`
        : `The access token may not list its Instagram accounts (${detail}).`;
      throw new AppError('BAD_USER_INPUT', message, 'accessToken');
    }
    throw error;
  }
}

/**
 * The token's scopes and expiries from `/debug_token` (Facebook Login); refuses a token
 * that lacks a scope the sync needs, naming every missing one, before anything is stored.
 */
async function assertGrants(
  graph: ConnectCalls,
  igUserId: string,
  accessToken: string,
): Promise<TokenDebug> {
  const debug = await graph.debugToken(igUserId, accessToken);
  if (!debug.valid) {
    throw new AppError('BAD_USER_INPUT', 'The access token is invalid or expired.', 'accessToken');
  }
  const missing = missingScopes('FACEBOOK', debug.scopes);
  if (missing.length > 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The access token lacks the ${plural(missing.length, 'permission', 'permissions')} ${missing.join(', ')}; grant ${plural(missing.length, 'it', 'them')} when logging in, then connect again.`,
      'accessToken',
    );
  }
  return debug;
}
