/**
 * Call accounting per token over a rolling hour, reported the way the API does in
 * `X-App-Usage` and `X-Business-Use-Case-Usage` (whole percentages; the BUC header keyed by
 * the IG user id, `estimated_time_to_regain_access` in minutes). A token at its budget is
 * throttled until enough of its calls leave the window. Throttled calls are not counted,
 * so the regain estimate holds however often a client retries.
 */

const WINDOW_MS = 3_600_000;

interface CallLog {
  times: number[];
  head: number;
}

export class UsageMeter {
  private readonly logs = new Map<string, CallLog>();

  constructor(
    private readonly budget: number,
    private readonly accountCount: number,
  ) {}

  private log(token: string, nowMs: number): CallLog {
    let log = this.logs.get(token);
    if (!log) {
      log = { times: [], head: 0 };
      this.logs.set(token, log);
    }
    while (log.head < log.times.length && (log.times[log.head] ?? 0) <= nowMs - WINDOW_MS) {
      log.head += 1;
    }
    if (log.head > 1024 && log.head * 2 > log.times.length) {
      log.times = log.times.slice(log.head);
      log.head = 0;
    }
    return log;
  }

  private count(token: string, nowMs: number): number {
    const log = this.log(token, nowMs);
    return log.times.length - log.head;
  }

  /** Minutes until the token may call again; 0 when it is within budget. */
  regainMinutes(token: string, nowMs: number): number {
    const log = this.log(token, nowMs);
    const over = log.times.length - log.head - this.budget;
    if (over < 0) return 0;
    const freedAt = (log.times[log.head + over] ?? nowMs) + WINDOW_MS;
    return Math.max(1, Math.ceil((freedAt - nowMs) / 60_000));
  }

  record(token: string, nowMs: number): void {
    this.log(token, nowMs).times.push(nowMs);
  }

  /** Share of the token's hourly budget used, 0–100. */
  percent(token: string, nowMs: number): number {
    return Math.min(100, Math.floor((this.count(token, nowMs) * 100) / this.budget));
  }

  private appPercent(nowMs: number): number {
    let total = 0;
    for (const token of this.logs.keys()) total += this.count(token, nowMs);
    const budget = this.budget * Math.max(1, this.accountCount);
    return Math.min(100, Math.floor((total * 100) / budget));
  }

  /** Both usage headers for a call by `token` about `igUserId`. */
  headers(
    token: string,
    igUserId: string,
    nowMs: number,
    throttledFor?: number,
  ): Record<string, string> {
    const regain = throttledFor ?? this.regainMinutes(token, nowMs);
    const callCount = throttledFor !== undefined ? 100 : this.percent(token, nowMs);
    const app = this.appPercent(nowMs);
    const buc = {
      [igUserId]: [
        {
          type: 'instagram',
          call_count: callCount,
          total_cputime: Math.floor(callCount * 0.4),
          total_time: Math.floor(callCount * 0.6),
          estimated_time_to_regain_access: regain,
        },
      ],
    };
    return {
      'X-App-Usage': JSON.stringify({
        call_count: app,
        total_cputime: Math.floor(app * 0.4),
        total_time: Math.floor(app * 0.6),
      }),
      'X-Business-Use-Case-Usage': JSON.stringify(buc),
    };
  }
}
