import { Counter, type Registry } from 'prom-client';
import type { RunEvent } from '../../runs/run.vocabulary.js';

/** Counts run events by type and run status; returns the counting listener for a bus. */
export function runEventMetrics(registry: Registry): (event: RunEvent) => void {
  const events = new Counter({
    name: 'instagram_sync_run_events_total',
    help: 'Run events seen by this process, by type (RUN_COMPLETED, ACCOUNT_FAILED, …) and run status.',
    labelNames: ['type', 'status'] as const,
    registers: [registry],
  });
  // STEP_PROGRESS left out: it is a heartbeat of the others, several a second.
  return (event) => {
    if (event.type !== 'STEP_PROGRESS') events.inc({ type: event.type, status: event.status });
  };
}
