import { Gauge, type Registry } from 'prom-client';
import type { RunGauges } from '../../runs/run-gauges.js';
import type { RunEventFeed } from '../../run-events/run-event-feed.js';

/** What the gauges read when scraped; absent until the composition root hands it over. */
export interface ScrapeSources {
  gauges: RunGauges;
  feed: RunEventFeed;
}

/**
 * Gauges read at scrape time, so only a process whose `/metrics` is scraped queries anything.
 * Runs and queue are the database's, the same from every process: aggregate them with `max`,
 * not `sum`. A failed read leaves the gauge without samples for that scrape (the rest of the
 * page still answers), which `absent()` can alert on.
 */
export function scrapeTimeMetrics(registry: Registry, sources: () => ScrapeSources | null): void {
  new Gauge({
    name: 'instagram_sync_runs',
    help: 'Runs in the database by status (QUEUED, RUNNING, COMPLETED, …), read at scrape time.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const from = sources();
      if (!from) return;
      const counts = await from.gauges.runsByStatus().catch(() => null);
      this.reset();
      for (const [status, count] of counts ?? []) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'instagram_sync_queue_jobs',
    // `agenda_job`, not `job`: Prometheus' own target label is `job`.
    help: 'Agenda jobs by job name (agenda_job) and state: queued (due, waiting for a worker) or running (locked by one), read at scrape time.',
    labelNames: ['agenda_job', 'state'] as const,
    registers: [registry],
    async collect() {
      const from = sources();
      if (!from) return;
      const queue = await from.gauges.jobQueue().catch(() => null);
      this.reset();
      for (const { job, queued, running } of queue ?? []) {
        this.set({ agenda_job: job, state: 'queued' }, queued);
        this.set({ agenda_job: job, state: 'running' }, running);
      }
    },
  });
  new Gauge({
    name: 'instagram_sync_live_subscribers',
    help: 'batchProgress subscriptions this process is feeding now (GraphQL over WebSocket).',
    registers: [registry],
    collect() {
      const from = sources();
      if (from) this.set(from.feed.liveStreams);
    },
  });
}
