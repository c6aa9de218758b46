/**
 * One sync run, measured: started over GraphQL, followed to its end, then its Graph API calls
 * (the fake's log between start and end) set against the floor, its wall time against the
 * latency floor, its write rate from the steps' counts and durations, and each process's
 * peak memory.
 */
import type { BenchService } from './bench-service.js';
import { readCpu, type ProcessCpu } from './cpu-time.js';
import { callFloor, storedAfterRun, type CallFloor, type StoredState } from './call-floor.js';
import { tallyCalls, type CallTally } from './graph-calls.js';
import { windowStartDay } from './insight-days.floor.js';
import { latencyFloorMs } from './latency-floor.js';
import { startRun, waitForRun, type RunStep } from './service-client.js';
import type { ProcessMemory } from './service-processes.js';

export interface RunSetup {
  bench: BenchService;
  months: number;
  latencyMs: number;
  /** What the previous run on this database stored; absent for a first sync. */
  stored?: StoredState;
}

export interface RunMeasure {
  status: string;
  wallMs: number;
  calls: CallTally;
  floor: CallFloor;
  latencyFloorMs: number;
  steps: RunStep[];
  /** Rows the steps wrote (their `writeCount`s). */
  rowsWritten: number;
  /** Rows written per second of step time, over all steps. */
  rowsPerSecond: number;
  /** The same over the steps that write comments (profile and media, with nested threads, and comments). */
  commentStepRowsPerSecond: number;
  memory: ProcessMemory[];
  /** CPU seconds each process spent during the run (the bench's own holds the fake). */
  cpu: ProcessCpu[];
  /** For the floor of the next run on the same database. */
  stored: StoredState;
}

/** The steps that write comments: the media pass (profile: first page, media: the rest) and comments. */
const COMMENT_STEPS = new Set(['profile', 'media', 'comments']);

function rowsPerSecond(steps: RunStep[]): number {
  const written = steps.reduce((n, s) => n + s.writeCount, 0);
  const ms = steps.reduce((n, s) => n + (s.durationMs ?? 0), 0);
  return ms > 0 ? Math.round((written * 1000) / ms) : 0;
}

export async function measureRun(setup: RunSetup): Promise<RunMeasure> {
  const { fake, service, timezone, concurrency, db } = setup.bench;
  const from = fake.requests.length;
  const now = new Date();
  const cpu = readCpu(service.pids, db.engine === 'mariadb');
  const id = await startRun(service.url, setup.months);
  const run = await waitForRun(service.url, id);
  const cpuSpent = cpu.since();
  const requests = fake.requests.slice(from);
  const windowStart = new Date(run.windowStart);
  const firstDay = windowStartDay(windowStart, timezone);
  const floor = callFloor({
    accounts: fake.data.accounts,
    windowStart,
    firstDay,
    now,
    stored: setup.stored,
  });
  return {
    status: run.status,
    wallMs: Date.parse(run.endedAt ?? '') - Date.parse(run.queuedAt),
    calls: tallyCalls(requests, fake.data),
    floor,
    latencyFloorMs: latencyFloorMs(floor, concurrency, setup.latencyMs),
    steps: run.steps,
    rowsWritten: run.steps.reduce((n, s) => n + s.writeCount, 0),
    rowsPerSecond: rowsPerSecond(run.steps),
    commentStepRowsPerSecond: rowsPerSecond(run.steps.filter((s) => COMMENT_STEPS.has(s.name))),
    memory: service.peakMemory(),
    cpu: cpuSpent,
    stored: storedAfterRun(fake.data.accounts, now, firstDay),
  };
}
