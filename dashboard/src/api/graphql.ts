import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../generated/graphql';
import { currentToken, onTokenChange, requestToken } from './token';

/** graphql-ws's close code for a refused or expired credential (the service's WS_UNAUTHORIZED). */
const WS_UNAUTHORIZED = 4401;

interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

export class GraphqlRequestError extends Error {
  constructor(
    readonly errors: readonly GraphqlError[],
    readonly code = errors[0]?.extensions?.code,
  ) {
    super(errors.map((e) => e.message).join('; '));
  }
}

const authorization = (): Record<string, string> => {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

/** A query or mutation over HTTP POST; UNAUTHENTICATED asks for the token again. */
export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization() },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: R; errors?: GraphqlError[] };
  const unauthenticated =
    response.status === 401 || body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated) requestToken();
  if (body.errors?.length) throw new GraphqlRequestError(body.errors);
  if (!response.ok || !body.data)
    throw new GraphqlRequestError([{ message: `HTTP ${response.status}` }]);
  return body.data;
}

let socket: Client | null = null;

/** The one graphql-ws socket of the page, opened on first use, carrying the token. */
function socketClient(): Client {
  socket ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    // Read at each (re)connect, so a new token takes effect on the next socket.
    connectionParams: () => authorization(),
    retryAttempts: 20,
    shouldRetry: (event) => (event as CloseEvent).code !== WS_UNAUTHORIZED,
    on: {
      closed: (event) => {
        if ((event as CloseEvent).code === WS_UNAUTHORIZED) requestToken();
      },
    },
  });
  return socket;
}

// A new token: the old socket's operations end, views re-subscribe on their next render.
onTokenChange(() => {
  const old = socket;
  socket = null;
  void old?.dispose();
});

export interface Sink<R> {
  next(data: R): void;
  error(error: Error): void;
  complete(): void;
}

/** A subscription over graphql-ws; returns the unsubscribe function. */
export function subscribe<R, V extends Record<string, unknown>>(
  document: TypedDocumentString<R, V>,
  variables: V,
  sink: Sink<R>,
): () => void {
  return socketClient().subscribe<R>(
    { query: document.toString(), variables },
    {
      next: (message) => {
        if (message.errors?.length) sink.error(new GraphqlRequestError(message.errors));
        else if (message.data) sink.next(message.data);
      },
      error: (error) =>
        sink.error(error instanceof Error ? error : new Error('the live connection closed')),
      complete: () => sink.complete(),
    },
  );
}
