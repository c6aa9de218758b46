/**
 * Named fault injection. A fault matches requests by path and/or IG account, lets
 * `afterCalls` matching requests through, then hits up to `times` requests (default: all)
 * and retires. `tokenExpired` counts calls per token: `atCall: N` expires each matching
 * token at its own Nth call.
 */
import type { Fault, FaultControl } from './fake-graph-api.types.js';
import { hashInts } from './seeded-random.js';

interface ActiveFault {
  id: string;
  fault: Fault;
  seen: number;
  seenByToken: Map<string, number>;
  hits: number;
}

/** What the faults do to one request: added latency and at most one failure. */
export interface FaultOutcome {
  latencyMs: number;
  failure?: Exclude<Fault, { kind: 'latency' }>;
}

function passesFirst(fault: Fault): number {
  if (fault.kind === 'tokenExpired' && fault.atCall !== undefined) return fault.atCall - 1;
  return fault.afterCalls ?? 0;
}

/** An account insights request asking a breakdown beside metrics other than follows_and_unfollows. */
function combinesBreakdown(path: string, query: Record<string, string>): boolean {
  const metrics = (query.metric ?? '').split(',').map((m) => m.trim());
  return (
    path.endsWith('/insights') &&
    (query.breakdown ?? '') !== '' &&
    metrics.some((m) => m !== '' && m !== 'follows_and_unfollows')
  );
}

function matches(
  fault: Fault,
  path: string,
  igUserId: string | undefined,
  query: Record<string, string>,
): boolean {
  if (fault.kind === 'combinedBreakdown' && !combinesBreakdown(path, query)) return false;
  const { match } = fault;
  if (!match) return true;
  if (match.igUserId !== undefined && match.igUserId !== igUserId) return false;
  const params = Object.entries(match.query ?? {});
  if (params.some(([name, value]) => (value === null ? name in query : query[name] !== value)))
    return false;
  if (match.path instanceof RegExp) return match.path.test(path);
  return match.path === undefined || path.includes(match.path);
}

/** The number of this call among the fault's matching calls (per token for tokenExpired). */
function countCall(entry: ActiveFault, token: string): number {
  if (entry.fault.kind !== 'tokenExpired') return (entry.seen += 1);
  const count = (entry.seenByToken.get(token) ?? 0) + 1;
  entry.seenByToken.set(token, count);
  return count;
}

/** A throttle with `codes` answers one of them, drawn from `random`. */
function resolved(fault: Fault, random: () => number): Fault {
  if (fault.kind !== 'throttle' || !fault.codes || fault.codes.length === 0) return fault;
  return { ...fault, code: fault.codes[Math.floor(random() * fault.codes.length)] };
}

export class FaultRegistry implements FaultControl {
  private readonly active: ActiveFault[] = [];
  private counter = 0;
  private draws = 0;

  /** `seed` fixes which requests faults with a `rate` hit, and which codes they answer. */
  constructor(private readonly seed = 1) {}

  private random(): number {
    this.draws += 1;
    return hashInts(this.seed, this.draws) / 4294967296;
  }

  add(fault: Fault): string {
    this.counter += 1;
    const id = `fault-${this.counter}`;
    this.active.push({ id, fault, seen: 0, seenByToken: new Map(), hits: 0 });
    return id;
  }

  remove(id: string): void {
    const index = this.active.findIndex((f) => f.id === id);
    if (index >= 0) this.active.splice(index, 1);
  }

  clear(): void {
    this.active.length = 0;
  }

  /** Applies the faults to a request: every matching latency, then the first failure. */
  take(
    path: string,
    igUserId: string | undefined,
    token = '',
    query: Record<string, string> = {},
  ): FaultOutcome {
    const outcome: FaultOutcome = { latencyMs: 0 };
    for (const entry of [...this.active]) {
      const { fault } = entry;
      if (!matches(fault, path, igUserId, query)) continue;
      if (countCall(entry, token) <= passesFirst(fault)) continue;
      if (fault.kind !== 'latency' && outcome.failure) continue;
      if (fault.rate !== undefined && this.random() >= fault.rate) continue;
      entry.hits += 1;
      if (fault.times !== undefined && entry.hits >= fault.times) this.remove(entry.id);
      if (fault.kind === 'latency') outcome.latencyMs += fault.ms;
      else outcome.failure = resolved(fault, () => this.random()) as FaultOutcome['failure'];
    }
    return outcome;
  }
}
