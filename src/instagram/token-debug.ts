import type { GraphApiTransport, GraphCall } from './graph-api.transport.js';

/** What `/debug_token` says about a token: validity, granted scopes and the two expiries. */
export interface TokenDebug {
  valid: boolean;
  scopes: string[];
  /** Null when the token never expires (`expires_at: 0`) or Instagram did not say. */
  expiresAt: Date | null;
  /** Facebook Login: when the token stops returning data (90 days after last activity). */
  dataAccessExpiresAt: Date | null;
}

interface DebugAnswer {
  data?: {
    is_valid?: boolean;
    scopes?: unknown;
    expires_at?: number;
    data_access_expires_at?: number;
  };
}

/** Unix seconds → Date; 0 and absent mean "never" / "not said". */
const fromUnix = (seconds: number | undefined): Date | null =>
  typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000) : null;

/**
 * `GET /debug_token?input_token=<token>`, asked with the same token (a user token may debug
 * itself, so no app token is needed). Failures are thrown as GraphApiErrors.
 */
export async function debugToken(
  transport: GraphApiTransport,
  call: GraphCall,
): Promise<TokenDebug> {
  const { data = {} } = await transport.get<DebugAnswer>(call);
  const scopes = Array.isArray(data.scopes)
    ? data.scopes.filter((s): s is string => typeof s === 'string')
    : [];
  return {
    valid: data.is_valid === true,
    scopes,
    expiresAt: fromUnix(data.expires_at),
    dataAccessExpiresAt: fromUnix(data.data_access_expires_at),
  };
}
