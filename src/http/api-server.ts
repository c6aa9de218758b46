import type { Agenda } from 'agenda';
import type { Sequelize } from 'sequelize';
import type { ConnectedAccounts } from '../accounts/connected-accounts.js';
import type { TokenRefresher } from '../accounts/token-refresher.js';
import { Authenticator } from '../auth/authenticator.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { createContext } from '../graphql/graphql-context.js';
import { buildGraphqlSchema } from '../graphql/schema.js';
import type { RunEventFeed } from '../run-events/run-event-feed.js';
import type { RunLauncher } from '../runs/run-launcher.js';
import type { RunQueries } from '../runs/run.queries.js';
import type { SyncedDataReader } from '../sync/synced-data.reader.js';
import { AGENDASH_PATH, agendashRoutes } from './agendash.routes.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { graphqlIdeRoutes } from './graphql-ide.routes.js';
import { healthRoutes } from './health.routes.js';
import { startHttpServer } from './http-server.js';
import type { ServiceMetrics } from './metrics.js';
import { restCompatRoutes } from './rest-compat.routes.js';

export interface ApiParts {
  sequelize: Sequelize;
  agenda: Agenda;
  launcher: RunLauncher;
  queries: RunQueries;
  accounts: ConnectedAccounts;
  tokens: TokenRefresher;
  metrics: ServiceMetrics;
  reads: SyncedDataReader;
  feed: RunEventFeed;
}

/** The API role: GraphQL over HTTP and WebSocket, REST, health and metrics, behind auth. */
export async function startApiServer(
  config: Config,
  logger: Logger,
  shutdownTimeoutMs: number,
  parts: ApiParts,
) {
  const authenticator = new Authenticator(config.auth.jwtSecret);
  if (!authenticator.enabled) {
    logger.warn(
      { host: config.host },
      'AUTH_JWT_SECRET is not set: NO AUTHENTICATION, every caller is admin. Set it before exposing the service.',
    );
  }
  const { launcher, queries, accounts, tokens, reads, feed } = parts;
  const schema = await buildGraphqlSchema({ launcher, queries, accounts, tokens, reads });
  const http = await startHttpServer(
    {
      schema,
      authenticator,
      context: (caller) => createContext(caller, feed, reads),
      graphqlPage: graphqlIdeRoutes({
        enabled: config.graphqlIde,
        onMissingBuild: (dir) =>
          logger.warn({ dir }, 'GRAPHQL_IDE is on but the IDE is not built: run npm run build:web'),
      }),
      routes: [
        { path: '/', router: healthRoutes(parts.sequelize) },
        { path: '/dashboard', router: dashboardRoutes() },
        { path: '/', router: parts.metrics.routes(authenticator, config.auth.metricsToken) },
        {
          path: '/api/v1/batch/instagram',
          router: restCompatRoutes({
            launcher,
            queries,
            timezone: config.sync.timezone,
            authenticator,
          }),
        },
        { path: AGENDASH_PATH, router: agendashRoutes(parts.agenda, authenticator) },
      ],
      logger,
      allowedOrigins: config.corsOrigins,
    },
    { port: config.port, host: config.host, shutdownTimeoutMs },
  );
  return http;
}
