import { GraphApiError } from './graph-api.error.js';
import type { GraphApiTransport, GraphCall } from './graph-api.transport.js';

/** A refreshed Instagram-Login token and when it expires. */
export interface RefreshedToken {
  accessToken: string;
  expiresAt: Date;
}

interface RefreshAnswer {
  access_token?: unknown;
  expires_in?: unknown;
}

/**
 * `GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token` with a long-lived
 * token (at least 24 hours old, not expired). The answer's token is valid `expires_in` seconds
 * (60 days) from now; the old one keeps working until its own expiry.
 */
export async function refreshToken(
  transport: GraphApiTransport,
  call: GraphCall,
  now: () => number,
): Promise<RefreshedToken> {
  const answer = await transport.get<RefreshAnswer>(call);
  const { access_token: token, expires_in: expiresIn } = answer;
  if (typeof token !== 'string' || token.length === 0 || typeof expiresIn !== 'number') {
    throw new GraphApiError({
      kind: 'permanent',
      message: 'refresh_access_token answered without access_token or expires_in',
      igUserId: call.account.igUserId,
    });
  }
  return { accessToken: token, expiresAt: new Date(now() + expiresIn * 1000) };
}
