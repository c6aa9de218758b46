import { Counter, Histogram, type Registry } from 'prom-client';
import { graphEndpointTemplate, type GraphApiMetrics } from '../../instagram/index.js';

/** Graph API calls (by endpoint template and outcome), their latency and the client's waits. */
export function graphApiMetrics(registry: Registry): GraphApiMetrics {
  const calls = new Counter({
    name: 'instagram_sync_graph_api_calls_total',
    help: 'Graph API call attempts by endpoint (path template, e.g. /{ig-user-id}/media) and outcome (ok or the error kind: transient, throttled, auth, permission, skippable, permanent).',
    labelNames: ['endpoint', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'instagram_sync_graph_api_call_seconds',
    help: 'Graph API call attempt duration by endpoint (path template).',
    labelNames: ['endpoint'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const waits = new Counter({
    name: 'instagram_sync_graph_api_throttle_waits_total',
    help: 'Waits before a Graph API call by reason: spacing (the account nears its usage limit), account_blocked / app_blocked (a throttle or the regain time Instagram gave), call_slots (the account already had its most calls in flight).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const waitSeconds = new Counter({
    name: 'instagram_sync_graph_api_throttle_wait_seconds_total',
    help: 'Seconds Graph API calls spent waiting for their turn, by reason (see instagram_sync_graph_api_throttle_waits_total).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  return {
    onCall: (call) => {
      const endpoint = graphEndpointTemplate(call.endpoint);
      calls.inc({ endpoint, outcome: call.outcome });
      latency.observe({ endpoint }, call.durationMs / 1000);
    },
    onWait: (wait) => {
      waits.inc({ reason: wait.reason });
      waitSeconds.inc({ reason: wait.reason }, wait.waitMs / 1000);
    },
  };
}
