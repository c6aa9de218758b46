/** The longest other accounts wait for the process's first call of a kind. */
export const FIRST_CALL_WAIT_MS = 5_000;

/** Instagram's page size when a request names none. */
const DEFAULT_LIMIT = 25;
const NESTED_LIMIT = /\.limit\((\d+)\)/g;

function halve(value: number, times: number): number {
  return Math.max(1, Math.floor(value / 2 ** times));
}

/**
 * The `limit` and `fields` of `params` after `times` halvings (never below 1). With a nested
 * `.limit(n)` in the field expansion, halvings alternate, outer page size first: a smaller
 * media page costs one more cheap call per 100 media, a smaller nested comments page one more
 * call per busy media. Other params (cursors, since/until) are left alone.
 */
export function scaleLimits(params: Record<string, string>, times: number): Record<string, string> {
  if (times <= 0) return { ...params };
  const nested = params.fields !== undefined && /\.limit\(\d+\)/.test(params.fields);
  const outerTimes = nested ? Math.ceil(times / 2) : times;
  const nestedTimes = nested ? Math.floor(times / 2) : 0;
  const scaled = { ...params };
  scaled.limit = String(halve(Number(params.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT, outerTimes));
  if (params.fields && nestedTimes > 0) {
    scaled.fields = params.fields.replace(
      NESTED_LIMIT,
      (_match, n: string) => `.limit(${halve(Number(n), nestedTimes)})`,
    );
  }
  return scaled;
}

/**
 * Remembers, per account and request kind, how often a request had to be halved after code 1
 * "Please reduce the amount of data you're asking for", so the next call starts small instead
 * of failing again. Per account, because the data (long captions, busy comment threads) is;
 * but an account that has learnt nothing yet starts from what the others learnt for that kind
 * (the lower median of their counts), because Instagram's cost limit is the same for every
 * account: with 50 accounts, one refused call teaches the process, not one per account. An
 * account that still gets code 1 halves further and remembers its own count.
 */
export class LimitMemory {
  /** kind → igUserId → halvings. */
  private readonly halvings = new Map<string, Map<string, number>>();
  /** Kinds whose first call has ended: later calls go at once. */
  private readonly tried = new Set<string>();
  /** Kinds whose first call is under way: what the others wait for. */
  private readonly trying = new Map<string, Promise<void>>();

  constructor(private readonly firstCallWaitMs = FIRST_CALL_WAIT_MS) {}

  /**
   * Runs `work` (a whole request of `kind`, its halvings included) as the process's first of
   * that kind, or once that first one has ended. Calls of several accounts start together
   * (16 account steps a worker); without this, each would pay its own code 1 before one of
   * them had learnt the size. The wait is one request's time, whatever its outcome (the first
   * call's failure only means the others find out for themselves), and at most
   * {@link FIRST_CALL_WAIT_MS}: a first call held back by its account's throttling does not
   * hold back the others.
   */
  async firstOf<T>(kind: string, work: () => Promise<T>): Promise<T> {
    if (this.tried.has(kind)) return work();
    const first = this.trying.get(kind);
    if (first) {
      await untilOrAfter(first, this.firstCallWaitMs);
      return work();
    }
    let ended!: () => void;
    this.trying.set(kind, new Promise<void>((resolve) => (ended = resolve)));
    try {
      return await work();
    } finally {
      this.tried.add(kind);
      this.trying.delete(kind);
      ended();
    }
  }

  get(igUserId: string, kind: string): number {
    const learnt = this.halvings.get(kind);
    return learnt?.get(igUserId) ?? lowerMedian([...(learnt?.values() ?? [])]);
  }

  remember(igUserId: string, kind: string, times: number): void {
    let learnt = this.halvings.get(kind);
    if (!learnt) this.halvings.set(kind, (learnt = new Map()));
    learnt.set(igUserId, Math.max(times, learnt.get(igUserId) ?? 0));
  }
}

/** Resolves when `promise` settles or after `ms`, whichever comes first. */
async function untilOrAfter(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** The lower of the middle values (0 for none): one account with huge threads does not shrink everyone. */
function lowerMedian(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
