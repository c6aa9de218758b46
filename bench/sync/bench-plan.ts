/**
 * What `npm run bench -- sync` runs: the options, the data sets of the issue (and the much
 * smaller `--quick` ones), and the rows every scenario reports.
 */
import type { BenchEngine } from './bench-database.js';
import type { CallFloor } from './call-floor.js';
import type { CallTally } from './graph-calls.js';
import type { ProcessCpu } from './cpu-time.js';
import type { RunStep } from './service-client.js';
import type { ProcessMemory } from './service-processes.js';

export const SCENARIOS = ['a', 'b', 'c', 'd', 'e', 'old', 'writes'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchPlan {
  scenarios: Set<Scenario>;
  engines: BenchEngine[];
  quick: boolean;
}

export interface DataSet {
  accounts: number;
  media: number;
  comments: number;
}

/** The data sets; `--quick` shrinks them for a try-out (same latencies, same code). */
export function dataSets(quick: boolean) {
  return {
    full: quick
      ? { accounts: 6, media: 40, comments: 10 }
      : { accounts: 50, media: 200, comments: 30 },
    old: quick
      ? { accounts: 2, media: 30, comments: 10 }
      : { accounts: 5, media: 100, comments: 30 },
    /** (e): latency-bound (few rows per call, long chains of calls per account). */
    scaling: quick
      ? { accounts: 12, media: 20, comments: 5 }
      : { accounts: 50, media: 50, comments: 10 },
    workers: quick ? [1, 2] : [1, 2, 4],
  };
}

export const FULL_SYNC_MONTHS = 12;
export const FULL_SYNC_LATENCY_MS = 50;
export const OLD_STYLE_LATENCY_MS = 20;
export const OLD_FIRST_MONTHS = 6;
export const OLD_NIGHTLY_MONTHS = 1;
/**
 * (e) waits on the Graph API, not on this machine's two cores: calls as slow as the real
 * API's insights calls often are, over 12 months (about 380 account insight calls an account,
 * 4 in flight: long chains of light calls), few rows a media.
 */
export const SCALING_LATENCY_MS = 300;
export const SCALING_MONTHS = 12;
/** Share of each account's media that scenario (c) changes or adds. */
export const CHANGED_SHARE = 0.02;
/** (d): this many times (a)'s media per account. */
export const LARGE_FACTOR = 4;

/** One measured run, of the service or of the old-style job. */
export interface ResultRow {
  /** a, b, c, d, e1, e2, e4, writes, old-first, old-nightly… */
  key: string;
  label: string;
  engine: BenchEngine;
  processes: string;
  status: string;
  wallMs: number;
  calls: CallTally;
  floor?: CallFloor;
  latencyFloorMs?: number;
  rowsWritten?: number;
  rowsPerSecond?: number;
  commentStepRowsPerSecond?: number;
  memory?: ProcessMemory[];
  cpu?: ProcessCpu[];
  steps?: RunStep[];
}

function usage(message: string): never {
  throw new Error(
    `${message}\nusage: npm run bench -- sync [--scenario a|b|c|d|e|old|writes|all] [--engine sqlite|mariadb] [--quick]`,
  );
}

export function parsePlan(args: readonly string[]): BenchPlan {
  const plan: BenchPlan = {
    scenarios: new Set(SCENARIOS),
    engines: ['sqlite', 'mariadb'],
    quick: false,
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--quick') plan.quick = true;
    else if (arg === '--scenario' && value) {
      i += 1;
      if (value === 'all') continue;
      if (!(SCENARIOS as readonly string[]).includes(value)) usage(`unknown scenario ${value}`);
      plan.scenarios = new Set([value as Scenario]);
    } else if (arg === '--engine' && (value === 'sqlite' || value === 'mariadb')) {
      i += 1;
      plan.engines = [value];
    } else usage(`unknown option ${arg}`);
  }
  return plan;
}
