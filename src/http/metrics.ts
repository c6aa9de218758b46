import { Router, type Request } from 'express';
import { access } from '../auth/access.policy.js';
import { bearerOf, type Authenticator } from '../auth/authenticator.js';
import { LOCAL_OPERATOR } from '../auth/caller.js';
import { callerOf, requireCaller } from './caller.middleware.js';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventBus } from '../run-events/event-bus.js';
import type { GraphApiMetrics } from '../instagram/index.js';

/** Prometheus metrics of one process: Graph API calls and run outcomes, plus Node's defaults. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly graphCalls = new Counter({
    name: 'instagram_sync_graph_api_calls_total',
    help: 'Graph API call attempts by endpoint and outcome (ok or the error kind).',
    labelNames: ['endpoint', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly graphLatency = new Histogram({
    name: 'instagram_sync_graph_api_call_seconds',
    help: 'Graph API call attempt duration by endpoint.',
    labelNames: ['endpoint'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly runEvents = new Counter({
    name: 'instagram_sync_run_events_total',
    help: 'Run events seen by this process, by type (RUN_COMPLETED, ACCOUNT_FAILED, …) and run status.',
    labelNames: ['type', 'status'] as const,
    registers: [this.registry],
  });
  private unsubscribe: (() => void) | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Graph API client's reporting hook. */
  readonly graph: GraphApiMetrics = {
    onCall: (call) => {
      this.graphCalls.inc({ endpoint: call.endpoint, outcome: call.outcome });
      this.graphLatency.observe({ endpoint: call.endpoint }, call.durationMs / 1000);
    },
  };

  /** Counts the run events this process publishes or receives (STEP_PROGRESS left out). */
  watch(bus: EventBus): void {
    this.unsubscribe = bus.subscribe((event) => {
      if (event.type !== 'STEP_PROGRESS')
        this.runEvents.inc({ type: event.type, status: event.status });
    });
  }

  close(): void {
    this.unsubscribe?.();
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
