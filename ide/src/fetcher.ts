import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { authHeaders, GRAPHQL_PATH } from './access';

/**
 * Queries and mutations over HTTP POST, subscriptions (`batchProgress`) over graphql-ws on the
 * same path; both carry the token (the socket in `connectionParams.authorization`, where the
 * service looks first).
 */
export function createFetcher(token: string | null): Fetcher {
  const { protocol, host } = window.location;
  const wsClient = createClient({
    url: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_PATH}`,
    connectionParams: authHeaders(token),
    lazy: true,
  });
  return createGraphiQLFetcher({
    url: GRAPHQL_PATH,
    headers: authHeaders(token),
    wsClient,
    // The service answers plain JSON (no @defer/@stream): the simple POST fetcher is enough.
    enableIncrementalDelivery: false,
  });
}
