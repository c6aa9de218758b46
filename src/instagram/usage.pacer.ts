import pLimit, { type LimitFunction } from 'p-limit';
import { GraphApiError } from './graph-api.error.js';
import type { AccountUsage } from './usage-headers.parser.js';

export interface UsagePacerOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Usage (percent) from which one account's calls are spaced out. Default 75. */
  slowdownFromPercent?: number;
  /** Spacing between one account's calls at 100 % usage, in ms. Default 30 000. */
  maxSpacingMs?: number;
  /** Longest one call may wait for its account before failing as throttled. Default 15 min. */
  maxWaitMs?: number;
  /** Calls in flight at once for one account. Default 4. */
  maxConcurrentPerAccount?: number;
}

interface PaceState {
  percent: number;
  blockedUntil: number;
  lastStart: number;
}

interface AccountState extends PaceState {
  slots: LimitFunction;
}

/** Per-call limits on waiting: an interactive call passes what is left of its deadline. */
export interface TurnOptions {
  maxWaitMs?: number;
}

/**
 * Pacing from the usage headers. Instagram's Business Use Case quota is per (app, account), so
 * accounts never wait for each other; one account's calls are spaced out as its usage nears
 * 100 %, and stop entirely while it is blocked, because calling a throttled account extends
 * the block. The app's own limit (`X-App-Usage`, codes 4 and 341) is shared: when it nears
 * 100 % or blocks, every account's calls are spaced out or stop.
 */
export class UsagePacer {
  private readonly accounts = new Map<string, AccountState>();
  private readonly app: PaceState = { percent: 0, blockedUntil: 0, lastStart: -Infinity };
  private readonly slowdownFrom: number;
  private readonly maxSpacingMs: number;
  readonly maxWaitMs: number;
  private readonly maxConcurrent: number;

  constructor(private readonly options: UsagePacerOptions) {
    this.slowdownFrom = options.slowdownFromPercent ?? 75;
    this.maxSpacingMs = options.maxSpacingMs ?? 30_000;
    this.maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
    this.maxConcurrent = options.maxConcurrentPerAccount ?? 4;
  }

  private state(igUserId: string): AccountState {
    let state = this.accounts.get(igUserId);
    if (!state) {
      state = {
        percent: 0,
        blockedUntil: 0,
        lastStart: -Infinity,
        slots: pLimit(this.maxConcurrent),
      };
      this.accounts.set(igUserId, state);
    }
    return state;
  }

  /** Takes in what a response's headers said about the account (undefined: they said nothing). */
  record(igUserId: string, usage: AccountUsage | undefined): void {
    if (!usage) return;
    const state = this.state(igUserId);
    state.percent = usage.percent;
    if (usage.appPercent !== undefined) this.app.percent = usage.appPercent;
    if (usage.regainMs > 0) this.block(igUserId, this.options.now() + usage.regainMs);
  }

  /** No call of any account starts before `untilMs` (the app's own limit was hit). */
  blockApp(untilMs: number): void {
    this.app.blockedUntil = Math.max(this.app.blockedUntil, untilMs);
  }

  /** No call for the account starts before `untilMs` (epoch ms). */
  block(igUserId: string, untilMs: number): void {
    const state = this.state(igUserId);
    state.blockedUntil = Math.max(state.blockedUntil, untilMs);
  }

  /** Minimum gap between two calls' starts for the account: 0 below the slowdown threshold. */
  spacingMs(igUserId: string): number {
    return this.spacingAt(this.state(igUserId).percent);
  }

  private spacingAt(percent: number): number {
    if (percent < this.slowdownFrom) return 0;
    const share = Math.min(1, (percent - this.slowdownFrom) / (100 - this.slowdownFrom));
    return Math.round(this.maxSpacingMs * Math.max(share, 0.01) ** 2);
  }

  /** Whether the account is blocked right now (for metrics and logs). */
  isBlocked(igUserId: string): boolean {
    const until = Math.max(this.state(igUserId).blockedUntil, this.app.blockedUntil);
    return until > this.options.now();
  }

  /**
   * Runs `call` when the account's turn comes: within its concurrency slots, after the spacing
   * its usage (and the app's) asks for and after any block. Fails as `throttled` instead of
   * waiting longer than `maxWaitMs` (the pacer's, or the call's own when smaller).
   */
  run<T>(igUserId: string, call: () => Promise<T>, turn: TurnOptions = {}): Promise<T> {
    const state = this.state(igUserId);
    const maxWaitMs = Math.min(this.maxWaitMs, turn.maxWaitMs ?? Infinity);
    return state.slots(async () => {
      await this.waitForTurn(igUserId, state, maxWaitMs);
      return call();
    });
  }

  /** When the next call may start: after both paces (account, app) and both blocks. */
  private nextStart(state: AccountState, now: number, reserved: boolean): number {
    if (reserved) return Math.max(now, state.blockedUntil, this.app.blockedUntil);
    const accountPaced = state.lastStart + this.spacingAt(state.percent);
    const appPaced = this.app.lastStart + this.spacingAt(this.app.percent);
    return Math.max(now, accountPaced, appPaced, state.blockedUntil, this.app.blockedUntil);
  }

  private async waitForTurn(igUserId: string, state: AccountState, maxWaitMs: number) {
    let waited = 0;
    let reserved = false;
    for (;;) {
      const now = this.options.now();
      const start = this.nextStart(state, now, reserved);
      const wait = start - now;
      if (wait <= 0) {
        if (!reserved) state.lastStart = now;
        this.app.lastStart = Math.max(this.app.lastStart, now);
        return;
      }
      if (waited + wait > maxWaitMs) {
        throw new GraphApiError({
          kind: 'throttled',
          message: `Graph API account ${igUserId} must wait ${Math.ceil(wait / 1000)} s, more than the ${Math.ceil(maxWaitMs / 1000)} s allowed`,
          igUserId,
          retryAfterMs: wait,
        });
      }
      // Reserve the start so concurrent calls line up behind this one instead of bursting.
      state.lastStart = Math.max(state.lastStart, start);
      if (this.app.percent >= this.slowdownFrom)
        this.app.lastStart = Math.max(this.app.lastStart, start);
      reserved = true;
      waited += wait;
      await this.options.sleep(wait);
    }
  }
}
