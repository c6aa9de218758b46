import type { GqlResult } from '../../support/service.js';

export type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GqlResult<T>>;

/** GraphQL over HTTP on a service at `url` (one in another process, say). */
export function graphqlAt(url: string): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult<T>;
  };
}
