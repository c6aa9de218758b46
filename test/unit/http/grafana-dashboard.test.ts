import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Histogram } from 'prom-client';
import { ServiceMetrics } from '../../../src/http/metrics.js';

interface Target {
  expr: string;
  datasource?: { uid?: string };
}
interface Panel {
  type: string;
  title: string;
  datasource?: { uid?: string };
  targets?: Target[];
}

const dashboard = JSON.parse(
  readFileSync(new URL('../../../deploy/grafana/instagram-sync.json', import.meta.url), 'utf8'),
) as { __inputs: Array<{ name: string; pluginId: string }>; panels: Panel[] };
const panels = dashboard.panels.filter((p) => p.type !== 'row');
const exprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

/** The series names `expr` reads: ours and Node's (a histogram's as `_bucket`, `_count`, …). */
function metricsIn(expr: string): string[] {
  return expr.match(/\b(?:instagram_sync|process|nodejs)_\w+/g) ?? [];
}

describe('the Grafana dashboard', () => {
  const metrics = new ServiceMetrics();
  const registered = metrics.registry.getMetricsAsArray();
  const histograms = registered.filter((m) => m instanceof Histogram).map((m) => m.name);
  const names = new Set(registered.map((m) => m.name));
  metrics.close();

  /** Whether `series` is a series a registered metric exposes. */
  const exposed = (series: string) =>
    names.has(series) ||
    histograms.some((h) => ['_bucket', '_sum', '_count'].some((s) => series === h + s));

  it('queries only metrics the service registers', () => {
    const unknown = exprs.flatMap(metricsIn).filter((series) => !exposed(series));
    expect(unknown).toEqual([]);
  });

  it('shows every instagram_sync metric in some panel', () => {
    const used = new Set(exprs.flatMap(metricsIn));
    const ours = [...names].filter((name) => name.startsWith('instagram_sync_'));
    const unshown = ours.filter(
      (name) => !used.has(name) && !['_bucket', '_count'].some((s) => used.has(name + s)),
    );
    expect(ours.length).toBeGreaterThanOrEqual(11);
    expect(unshown).toEqual([]);
  });

  it('shows the process’s CPU, memory and event-loop lag', () => {
    const used = exprs.flatMap(metricsIn);
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ])
      expect(used).toContain(name);
  });

  it('asks for its Prometheus data source as the DS_PROMETHEUS input, in every panel and query', () => {
    expect(dashboard.__inputs).toEqual([
      expect.objectContaining({ name: 'DS_PROMETHEUS', pluginId: 'prometheus' }),
    ]);
    for (const panel of panels) {
      expect(panel.datasource?.uid).toBe('${DS_PROMETHEUS}');
      for (const target of panel.targets ?? [])
        expect(target.datasource?.uid).toBe('${DS_PROMETHEUS}');
    }
  });
});
