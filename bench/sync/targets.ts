/** The targets, each next to the value measured, PASS or MISS (n/a when not run). */
import type { BenchEngine } from './bench-database.js';
import type { ResultRow } from './bench-plan.js';

export interface TargetResult {
  target: string;
  measured: string;
  result: 'PASS' | 'MISS' | 'n/a';
}

const WORKER_RSS_LIMIT_MB = 300;
const WRITE_TARGETS: Record<BenchEngine, number> = { mariadb: 20_000, sqlite: 50_000 };

const ratio = (a: number, b: number): number => (b > 0 ? a / b : Infinity);
const fixed = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '∞');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A run that did not complete meets no target on calls, time or throughput. */
const completed = (...rows: ResultRow[]): boolean =>
  rows.every((r) => r.status === 'COMPLETED' || r.status === 'ended');
const unlessCompleted = (...rows: ResultRow[]): string =>
  rows
    .filter((r) => !completed(r))
    .map((r) => `; ${r.key} ${r.status}`)
    .join('');

/** The largest peak RSS among the processes that run account steps. */
export const workerPeakMb = (row: ResultRow): number =>
  Math.max(0, ...(row.memory ?? []).filter((p) => p.role !== 'api').map((p) => p.peakMb));

/** Rows written per second of the run's wall time. */
export const throughput = (row: ResultRow): number =>
  row.wallMs > 0 ? ((row.rowsWritten ?? 0) * 1000) / row.wallMs : 0;

/** A target met when `ok`; n/a (with `why`) when what it needs was not measured. */
function check(
  target: string,
  measured: { shown: string; ok: boolean } | undefined,
  why = 'not run',
): TargetResult {
  if (!measured) return { target, measured: why, result: 'n/a' };
  return { target, measured: measured.shown, result: measured.ok ? 'PASS' : 'MISS' };
}

function callsAgainstFloor(row: ResultRow | undefined, limit: number) {
  if (!row?.floor) return undefined;
  const r = ratio(row.calls.total, row.floor.total);
  return {
    shown: `${fixed(r)} (${row.calls.total} / ${row.floor.total}${unlessCompleted(row)})`,
    ok: r <= limit && completed(row),
  };
}

function engineTargets(find: Finder, engine: BenchEngine): TargetResult[] {
  const [a, b, d, w] = ['a', 'b', 'd', 'writes'].map((key) => find(key, engine));
  const wall = a?.latencyFloorMs !== undefined ? a : undefined;
  const wallRatio = wall ? ratio(wall.wallMs, wall.latencyFloorMs!) : 0;
  const peak = (row: ResultRow | undefined) =>
    row && { shown: `${workerPeakMb(row)} MB`, ok: workerPeakMb(row) <= WORKER_RSS_LIMIT_MB };
  const growth = a && d ? ratio(workerPeakMb(d), workerPeakMb(a)) : 0;
  const rate = w?.commentStepRowsPerSecond;
  return [
    check(`first sync (${engine}): calls ≤ 1.1 × floor`, callsAgainstFloor(a, 1.1)),
    check(`re-sync, nothing changed (${engine}): calls ≤ 1.5 × floor`, callsAgainstFloor(b, 1.5)),
    check(
      `(a) ${engine}: wall ≤ 1.5 × latency floor`,
      wall && {
        shown: `${fixed(wallRatio)} (${seconds(wall.wallMs)} / ${seconds(wall.latencyFloorMs!)}${unlessCompleted(wall)})`,
        ok: wallRatio <= 1.5 && completed(wall),
      },
    ),
    check(`(a) ${engine}: worker peak RSS ≤ ${WORKER_RSS_LIMIT_MB} MB`, peak(a)),
    check(`(d) ${engine}: worker peak RSS ≤ ${WORKER_RSS_LIMIT_MB} MB`, peak(d)),
    check(
      `(d) ${engine}: worker peak RSS within 10 % of (a)`,
      a && d ? { shown: `${fixed(growth)}× (a)`, ok: growth <= 1.1 } : undefined,
      'needs (a) and (d)',
    ),
    check(
      `(writes) ${engine}: comment steps ≥ ${thousands(WRITE_TARGETS[engine])} rows/s`,
      rate === undefined
        ? undefined
        : {
            shown: `${thousands(rate)} rows/s${unlessCompleted(w!)}`,
            ok: rate >= WRITE_TARGETS[engine] && completed(w!),
          },
    ),
  ];
}

function scalingTargets(find: Finder): TargetResult[] {
  const one = find('e1');
  return (
    [
      ['e2', 1.7],
      ['e4', 3],
    ] as const
  ).map(([key, factor]) => {
    const row = find(key);
    const r = one && row ? ratio(throughput(row), throughput(one)) : 0;
    return check(
      `(e) ${key.slice(1)} workers ≥ ${factor}× the throughput of 1`,
      one && row
        ? {
            shown: `${fixed(r)}× (${thousands(throughput(row))} vs ${thousands(throughput(one))} rows/s${unlessCompleted(one, row)})`,
            ok: r >= factor && completed(one, row),
          }
        : undefined,
    );
  });
}

function oldStyleTargets(find: Finder, oldNote: string | undefined): TargetResult[] {
  const pairs = [
    ['nightly 1-month run ≥ 20× fewer calls than old style', 'old-nightly', 20, 'calls'],
    ['first 6-month sync ≥ 30× faster than old style at 20 ms', 'old-first', 30, 'wall'],
  ] as const;
  return pairs.map(([target, key, factor, what]) => {
    const service = find(`${key}-service`);
    const old = find(`${key}-old`);
    const value = (row: ResultRow) => (what === 'calls' ? row.calls.total : row.wallMs);
    const r = service && old ? ratio(value(old), value(service)) : 0;
    const shown = (row: ResultRow) => (what === 'calls' ? String(value(row)) : seconds(value(row)));
    return check(
      target,
      service && old
        ? {
            shown: `${fixed(r)}× (${shown(old)} vs ${shown(service)}${unlessCompleted(old, service)})`,
            ok: r >= factor && completed(old, service),
          }
        : undefined,
      service && oldNote ? oldNote : 'not run',
    );
  });
}

type Finder = (key: string, engine?: BenchEngine) => ResultRow | undefined;

export function evaluateTargets(rows: readonly ResultRow[], oldNote?: string): TargetResult[] {
  const find: Finder = (key, engine) =>
    rows.find((r) => r.key === key && (!engine || r.engine === engine));
  const throttled = rows.reduce((n, r) => n + r.calls.throttled, 0);
  return [
    ...engineTargets(find, 'sqlite'),
    ...engineTargets(find, 'mariadb'),
    check(
      'zero throttling errors (every run)',
      rows.length > 0 ? { shown: String(throttled), ok: throttled === 0 } : undefined,
    ),
    ...scalingTargets(find),
    ...oldStyleTargets(find, oldNote),
  ];
}
