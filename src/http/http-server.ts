import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../config/logger.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Caller } from '../auth/caller.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { toGraphQLError } from '../graphql/graphql-errors.js';
import { operationLimitsPlugin } from '../graphql/limits/limits.plugin.js';
import { maskError } from '../graphql/mask-error.js';
import { errorMiddleware, notFoundMiddleware } from './error.middleware.js';
import { startGraphqlWs } from './graphql-ws.server.js';
import { listen } from './listen.js';

export interface HttpServerDeps {
  schema: GraphQLSchema;
  authenticator: Authenticator;
  /** Builds a fresh context per operation (per-request loaders) for its caller. */
  context: (caller: Caller) => GraphqlContext;
  routes: Array<{ path: string; router: Router }>;
  /** On `/graphql` before the API: what a browser gets there (see graphql-ide.routes.ts). */
  graphqlPage?: Router;
  logger: Logger;
  /** Origins besides the service's own that may open the WebSocket (CORS_ORIGINS). */
  allowedOrigins: readonly string[];
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * One HTTP server: GraphQL over POST and graphql-ws on `/graphql`, plus the plain routes.
 * `close` stops accepting, closes every WebSocket with 1001 (going away) and gives open
 * requests `shutdownTimeoutMs` before their connections are cut.
 */
export async function startHttpServer(
  deps: HttpServerDeps,
  { port, host, shutdownTimeoutMs }: { port: number; host: string; shutdownTimeoutMs: number },
): Promise<RunningHttpServer> {
  const callerOf = (req: { headers: { authorization?: string } }): Caller => {
    try {
      return deps.authenticator.authenticate(req.headers.authorization).caller;
    } catch (error) {
      throw toGraphQLError(error);
    }
  };
  const app = express();
  const server = createServer(app);
  // Attached once the port is ours: a WebSocket server on a server that fails to listen would
  // print the listen error as its own "internal error" before the caller could say why.
  const ws: { server?: ReturnType<typeof startGraphqlWs> } = {};
  const disposeWs: ApolloServerPlugin = {
    async serverWillStart() {
      return { drainServer: async () => ws.server?.dispose() };
    },
  };
  const apollo = new ApolloServer<GraphqlContext>({
    schema: deps.schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer: server,
        stopGracePeriodMillis: shutdownTimeoutMs,
      }),
      disposeWs,
      operationLimitsPlugin(deps.schema),
      // Apollo's landing page loads its IDE from the internet; ours is bundled (graphqlPage).
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: (formatted, error) => maskError(formatted, error, deps.logger),
    // Explicit, though Apollo's defaults: no stack in any environment, and a POST must carry a
    // JSON content type (or a preflight header), so a cross-site form cannot run a mutation.
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
  });
  await apollo.start();
  if (deps.graphqlPage) app.use('/graphql', deps.graphqlPage);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => deps.context(callerOf(req)) }),
  );
  for (const { path, router } of deps.routes) app.use(path, router);
  app.use(notFoundMiddleware());
  app.use(errorMiddleware(deps.logger));

  const url = await listen(server, { port, host }).catch(async (error: unknown) => {
    await apollo.stop();
    throw error;
  });
  ws.server = startGraphqlWs(server, deps);
  return {
    server,
    url,
    close: () => apollo.stop(),
  };
}
