import { Router, type Request } from 'express';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { access } from '../auth/access.policy.js';
import { bearerOf, type Authenticator } from '../auth/authenticator.js';
import { LOCAL_OPERATOR } from '../auth/caller.js';
import type { RowsUpsertedReport } from '../db/repositories/rows-upserted.report.js';
import type { GraphApiMetrics } from '../instagram/index.js';
import type { EventBus } from '../run-events/event-bus.js';
import type { RunMetrics } from '../runs/run-metrics.port.js';
import { callerOf, requireCaller } from './caller.middleware.js';
import { graphApiMetrics } from './metrics/graph-api.metrics.js';
import { rowsUpsertedMetrics } from './metrics/rows-upserted.metrics.js';
import { runEventMetrics } from './metrics/run-event.metrics.js';
import { runMetrics } from './metrics/run.metrics.js';
import { scrapeTimeMetrics, type ScrapeSources } from './metrics/scrape-time.metrics.js';

/**
 * Prometheus metrics of one process, in its own registry: Graph API calls and waits, step
 * durations, rows upserted, run events, runs by status, queue depth and live subscribers
 * (read when scraped), plus Node's defaults. The hooks below are what app.ts hands the lower
 * layers; none of them imports prom-client.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  /** The Graph API client's reporting hook. */
  readonly graph: GraphApiMetrics = graphApiMetrics(this.registry);
  /** The run driver's and the account-step runner's. */
  readonly runs: RunMetrics = runMetrics(this.registry);
  /** The synced-data repositories'. */
  readonly rows: RowsUpsertedReport = rowsUpsertedMetrics(this.registry);
  private readonly countEvent = runEventMetrics(this.registry);
  private sources: ScrapeSources | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor() {
    scrapeTimeMetrics(this.registry, () => this.sources);
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts the run events this process publishes or receives. */
  watch(bus: EventBus): void {
    this.unsubscribe = bus.subscribe(this.countEvent);
  }

  /** Where the scrape-time gauges read runs, the queue and live subscribers. */
  readFrom(sources: ScrapeSources): void {
    this.sources = sources;
  }

  close(): void {
    this.unsubscribe?.();
    this.sources = null;
  }

  /** `/metrics` for an admin, or for a scraper presenting `METRICS_TOKEN` as its bearer token. */
  routes(authenticator: Authenticator, metricsToken: string | undefined): Router {
    const router = Router();
    const scraper = (req: Request) =>
      metricsToken !== undefined && bearerOf(req.headers.authorization) === metricsToken
        ? LOCAL_OPERATOR
        : undefined;
    router.get('/metrics', requireCaller(authenticator, scraper), async (_req, res) => {
      access.assertAdmin(callerOf(res), 'read metrics');
      res.type(this.registry.contentType).send(await this.registry.metrics());
    });
    return router;
  }
}
