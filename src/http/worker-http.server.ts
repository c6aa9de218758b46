import { createServer } from 'node:http';
import express from 'express';
import type { Sequelize } from 'sequelize';
import type { Authenticator } from '../auth/authenticator.js';
import type { Logger } from '../config/logger.js';
import { errorMiddleware, notFoundMiddleware } from './error.middleware.js';
import { healthRoutes } from './health.routes.js';
import { listen } from './listen.js';
import type { RunningHttpServer } from './http-server.js';
import type { ServiceMetrics } from './metrics.js';

export interface WorkerHttpDeps {
  sequelize: Sequelize;
  metrics: ServiceMetrics;
  authenticator: Authenticator;
  /** Bearer token a scraper may present for `/metrics` (METRICS_TOKEN). */
  metricsToken: string | undefined;
  logger: Logger;
}

/**
 * A worker's own small HTTP server: `/healthz`, `/readyz` and `/metrics` only (no GraphQL,
 * no REST), so an orchestrator can health-check it and Prometheus can scrape it.
 */
export async function startWorkerHttpServer(
  deps: WorkerHttpDeps,
  { port, host }: { port: number; host: string },
): Promise<RunningHttpServer> {
  const app = express();
  app.use(healthRoutes(deps.sequelize));
  app.use(deps.metrics.routes(deps.authenticator, deps.metricsToken));
  app.use(notFoundMiddleware());
  app.use(errorMiddleware(deps.logger));
  const server = createServer(app);
  return {
    server,
    url: await listen(server, { port, host }),
    // Health probes and scrapes are short: idle keep-alive sockets are closed, none waited for.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
