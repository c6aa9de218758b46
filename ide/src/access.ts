export const GRAPHQL_PATH = '/graphql';

export type Access = { ok: true } | { ok: false; message: string };

/** The request headers of a caller holding `token` (none when auth is off and no token is kept). */
export const authHeaders = (token: string | null): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/**
 * Whether the service lets this caller in: a `{ __typename }` probe, so the page asks for a
 * token only when the service has auth on and the kept one (if any) is refused.
 */
export async function checkAccess(token: string | null): Promise<Access> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(token) },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    errors?: Array<{ message?: string; extensions?: { code?: string } }>;
  };
  const refusal = body.errors?.find((error) => error.extensions?.code === 'UNAUTHENTICATED');
  if (refusal) return { ok: false, message: refusal.message ?? 'an access token is required' };
  return { ok: true };
}
