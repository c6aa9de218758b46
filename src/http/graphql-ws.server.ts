import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import { CLOCK_SKEW_SECONDS, type VerifiedToken } from '../auth/bearer-token.js';
import type { Caller } from '../auth/caller.js';
import { AppError } from '../errors/app.error.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';

/** graphql-ws's close code for a refused or expired credential. */
export const WS_UNAUTHORIZED = 4401;

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
 * graphql-ws on `/graphql` of `server`: the credential is checked at `connection_init`
 * (refused: closed with 4401), every operation runs as that caller.
 */
export function startGraphqlWs(
  server: Server,
  deps: {
    schema: GraphQLSchema;
    authenticator: Authenticator;
    context: (caller: Caller) => GraphqlContext;
  },
) {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  return useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema: deps.schema,
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
