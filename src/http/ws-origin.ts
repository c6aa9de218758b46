import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket upgrade may proceed. Browsers send `Origin` on every WebSocket and do
 * not apply CORS to it, so without this check any page an operator visits could open the
 * socket from the operator's browser (reaching even a service bound to loopback). No Origin
 * (a server-side client), the service's own origin, or one listed in CORS_ORIGINS passes.
 */
export function isAllowedOrigin(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return allowed.includes(origin);
}
