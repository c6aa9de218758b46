import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import { CLOCK_SKEW_SECONDS, type VerifiedToken } from '../auth/bearer-token.js';
import type { Caller } from '../auth/caller.js';
import { AppError } from '../errors/app.error.js';
import type { Logger } from '../config/logger.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { isAllowedOrigin } from './ws-origin.js';
import { guardOperation, maskingHooks } from './ws-operation.guard.js';

/** graphql-ws's close code for a refused or expired credential. */
export const WS_UNAUTHORIZED = 4401;

/** The largest message a socket may send, as HTTP bodies; ws closes the socket with 1009 past it. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** A socket that never sends `connection_init` is closed after this (graphql-ws closes with 4408). */
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

type SocketExtra = {
  socket: WebSocket;
  request: { headers: { authorization?: string } };
  caller?: Caller;
  expiry?: NodeJS.Timeout;
};

/** The socket's token: `connectionParams.authorization` first, else the upgrade's header. */
function authorizationOf(params: Record<string, unknown> | undefined, extra: SocketExtra) {
  const fromParams = params?.authorization;
  return typeof fromParams === 'string' ? fromParams : extra.request.headers.authorization;
}

/** Closes the socket once its token expires (after the allowed clock skew). */
function closeOnExpiry(extra: SocketExtra, token: VerifiedToken): void {
  const ms = token.expiresAt.getTime() + CLOCK_SKEW_SECONDS * 1000 - Date.now();
  if (ms > 2 ** 31 - 1) return; // beyond setTimeout's range: the process restarts sooner
  // unref: a pending expiry must not keep a stopping process alive.
  extra.expiry = setTimeout(() => extra.socket.close(WS_UNAUTHORIZED, 'Token expired'), ms).unref();
  extra.socket.once('close', () => clearTimeout(extra.expiry));
}

/**
 * graphql-ws on `/graphql` of `server`: the upgrade's Origin is checked (refused: HTTP 403),
 * the credential at `connection_init` (refused: closed with 4401); every operation runs as
 * that caller, under the same limits and error masking as HTTP.
 */
export function startGraphqlWs(
  server: Server,
  deps: {
    schema: GraphQLSchema;
    authenticator: Authenticator;
    context: (caller: Caller) => GraphqlContext;
    logger: Logger;
    allowedOrigins: readonly string[];
  },
) {
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req }, accept) =>
      isAllowedOrigin(req, deps.allowedOrigins)
        ? accept(true)
        : accept(false, 403, 'Origin not allowed (see CORS_ORIGINS)'),
  });
  return useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema: deps.schema,
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      onSubscribe: guardOperation(deps.schema),
      ...maskingHooks(deps.logger),
      onConnect: (ctx) => {
        try {
          const token = deps.authenticator.authenticate(
            authorizationOf(ctx.connectionParams, ctx.extra),
          );
          ctx.extra.caller = token.caller;
          closeOnExpiry(ctx.extra, token);
          return true;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          ctx.extra.socket.close(WS_UNAUTHORIZED, `Unauthorized: ${error.message}`);
          return false;
        }
      },
      context: (ctx) => deps.context(ctx.extra.caller!),
    },
    wss,
  );
}
