import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Router } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../config/logger.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';

export interface HttpServerDeps {
  schema: GraphQLSchema;
  /** Builds a fresh context per operation (per-request loaders). */
  context: () => GraphqlContext;
  routes: Array<{ path: string; router: Router }>;
  logger: Logger;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Unknown errors are logged with their detail and answered with a safe message only. */
function maskUnknown(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: error }, 'GraphQL operation failed');
    return { ...formatted, message: 'Internal server error' };
  };
}

/** One HTTP server: GraphQL over POST and graphql-ws on `/graphql`, plus the plain routes. */
export async function startHttpServer(
  deps: HttpServerDeps,
  port: number,
): Promise<RunningHttpServer> {
  const app = express();
  const server = createServer(app);
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const ws = useServer({ schema: deps.schema, context: () => deps.context() }, wss);
  const disposeWs: ApolloServerPlugin = {
    async serverWillStart() {
      return { drainServer: async () => ws.dispose() };
    },
  };
  const apollo = new ApolloServer<GraphqlContext>({
    schema: deps.schema,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), disposeWs],
    formatError: maskUnknown(deps.logger),
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => deps.context() }),
  );
  for (const { path, router } of deps.routes) app.use(path, router);

  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${bound}`,
    close: () => apollo.stop(),
  };
}
