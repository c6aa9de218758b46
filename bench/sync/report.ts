/**
 * The sync bench's results as markdown: printed, and appended to bench/results/sync.md
 * (created with a header that explains the columns and the floor's assumptions).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { ResultRow } from './bench-plan.js';
import { ENDPOINTS, spreadOf } from './graph-calls.js';
import type { TargetResult } from './targets.js';

const s = (ms: number | undefined): string => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
const x = (a: number, b: number | undefined): string =>
  b === undefined || b === 0 ? '–' : (a / b).toFixed(2);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function runsTable(rows: readonly ResultRow[]): string {
  return table(
    [
      'run',
      'engine',
      'processes',
      'status',
      'wall s',
      'calls',
      'per account min/med/max',
      'floor',
      'calls/floor',
      'latency floor s',
      'wall/latency floor',
      'rows/s (all steps)',
      'rows/s (comment steps)',
      'throttled',
      'peak RSS MiB',
      'CPU s',
      'steps: s (rows written)',
    ],
    rows.map((r) => [
      r.label,
      r.engine,
      r.processes,
      r.status,
      s(r.wallMs),
      String(r.calls.total),
      spreadOf(r.calls.perAccount).join(' / '),
      r.floor ? String(r.floor.total) : '–',
      x(r.calls.total, r.floor?.total),
      s(r.latencyFloorMs),
      x(r.wallMs, r.latencyFloorMs),
      r.rowsPerSecond?.toLocaleString('en-US') ?? '–',
      r.commentStepRowsPerSecond?.toLocaleString('en-US') ?? '–',
      String(r.calls.throttled),
      r.memory?.map((p) => `${p.role} ${p.peakMb}`).join(', ') ?? '–',
      r.cpu?.map((p) => `${p.role} ${p.cpuS.toFixed(1)}`).join(', ') ?? '–',
      r.steps
        ?.map((st) => `${st.name} ${s(st.durationMs ?? undefined)} (${st.writeCount})`)
        .join(', ') ?? '–',
    ]),
  );
}

function endpointsTable(rows: readonly ResultRow[]): string {
  return table(
    ['run', 'engine', ...ENDPOINTS, 'floor (P, L)'],
    rows.map((r) => [
      r.label,
      r.engine,
      ...ENDPOINTS.map((e) => `${r.calls.byEndpoint[e]} / ${r.floor?.byEndpoint[e] ?? '–'}`),
      r.floor ? `${r.floor.pageSize}, ${r.floor.nestedComments}` : '–',
    ]),
  );
}

function targetsTable(targets: readonly TargetResult[]): string {
  return table(
    ['target', 'measured', 'result'],
    targets.map((t) => [t.target, t.measured, t.result]),
  );
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

export interface ReportFacts {
  command: string;
  startedAt: Date;
  elapsedMs: number;
  notes: string[];
}

export function renderReport(
  rows: readonly ResultRow[],
  targets: readonly TargetResult[],
  facts: ReportFacts,
): string {
  const machine = `${cpus().length} CPUs (nproc), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
  return [
    `## ${facts.startedAt.toISOString()}`,
    '',
    `- Command: \`${facts.command}\``,
    `- Machine: ${machine}`,
    `- Commit: ${gitCommit()}`,
    `- Bench time: ${s(facts.elapsedMs)} s`,
    ...facts.notes.map((n) => `- ${n}`),
    '',
    runsTable(rows),
    '',
    'Calls by endpoint (measured / floor):',
    '',
    endpointsTable(rows),
    '',
    targetsTable(targets),
    '',
  ].join('\n');
}

/** Appends `markdown`, then formats the file as `npm run lint` expects (prettier). */
export async function appendReport(path: string, markdown: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  // The committed file has the header that explains the columns; a fresh copy gets a pointer.
  if (!existsSync(path)) {
    writeFileSync(path, '# Sync benchmark\n\nColumns and floor: bench/sync/call-floor.ts.\n');
  }
  appendFileSync(path, `\n${markdown}`);
  const options = { ...(await resolveConfig(path)), filepath: path };
  writeFileSync(path, await format(readFileSync(path, 'utf8'), options));
}
