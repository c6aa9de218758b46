import { isGraphApiError } from './graph-api.error.js';
import type { GraphApiTransport, GraphCall } from './graph-api.transport.js';

/**
 * What connecting an account learns about a token. Refusals are values (the user can fix them);
 * an outage or a throttle is not an answer about the token, so it is thrown as a GraphApiError.
 */
export type TokenCheck =
  | { ok: true; profile: { id: string; username: string } }
  | {
      ok: false;
      /** `invalid_token`: expired, revoked or malformed (190/102); `no_access`: the token cannot
       *  read this account or lacks a permission; `wrong_account`: it reads another account. */
      reason: 'invalid_token' | 'no_access' | 'wrong_account';
      /** Safe to show: never contains the token. */
      message: string;
    };

/** Reads `/{ig-user-id}?fields=id,username` with the token and maps the answer. */
export async function checkToken(
  transport: GraphApiTransport,
  call: GraphCall,
): Promise<TokenCheck> {
  const igUserId = call.account.igUserId;
  try {
    const profile = await transport.get<{ id?: string; username?: string }>(call);
    if (profile.id !== igUserId) {
      return {
        ok: false,
        reason: 'wrong_account',
        message: `The access token belongs to another Instagram account than ${igUserId}.`,
      };
    }
    return { ok: true, profile: { id: profile.id, username: profile.username ?? '' } };
  } catch (error) {
    if (isGraphApiError(error, 'auth')) {
      return {
        ok: false,
        reason: 'invalid_token',
        message: `The access token is invalid or expired (Instagram code ${error.code}${error.subcode ? `/${error.subcode}` : ''}).`,
      };
    }
    if (isGraphApiError(error, 'permission')) {
      return {
        ok: false,
        reason: 'no_access',
        message: `The access token cannot read Instagram account ${igUserId} (Instagram code ${error.code}${error.subcode ? `/${error.subcode}` : ''}).`,
      };
    }
    throw error;
  }
}
