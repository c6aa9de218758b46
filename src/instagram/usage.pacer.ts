import { CallSlots } from './call-slots.js';
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
  /** Calls in flight at once for one account while its usage (and the app's) is low. Default 4. */
  maxConcurrentPerAccount?: number;
  /**
   * Usage (percent, the account's or the app's, whichever is higher) up to which an account
   * may have all `maxConcurrentPerAccount` calls in flight; above it fewer, down to one at
   * `slowdownFromPercent`. Default 50.
   */
  fullConcurrencyUpToPercent?: number;
  /** Told of every wait a call makes for its turn (metrics). */
  onWait?: (wait: PacerWait) => void;
}

/**
 * Why a call waited: its account's usage spaced its calls out, the account or the whole app
 * was blocked (Instagram's regain time, a throttle's retry-after), or the account's calls in
 * flight filled its slots.
 */
export type PacerWaitReason = 'spacing' | 'account_blocked' | 'app_blocked' | 'call_slots';

export interface PacerWait {
  reason: PacerWaitReason;
  waitMs: number;
}

interface PaceState {
  percent: number;
  blockedUntil: number;
  lastStart: number;
}

interface AccountState extends PaceState {
  slots: CallSlots;
}

/** Per-call limits on waiting: an interactive call passes what is left of its deadline. */
export interface TurnOptions {
  maxWaitMs?: number;
}

/**
 * Pacing from the usage headers. Instagram's Business Use Case quota is per (app, account), so
 * accounts never wait for each other; one account's calls are spaced out as its usage nears
 * 100 %, and stop entirely while it is blocked, because calling a throttled account extends
 * the block. Before that, the number of its calls in flight shrinks as its usage rises (see
 * `concurrency`), so a busy account slows down gradually instead of bursting into the spacing.
 * The app's own limit (`X-App-Usage`, codes 4 and 341) is shared: when it nears 100 % or
 * blocks, every account's calls are narrowed, spaced out or stopped.
 */
export class UsagePacer {
  private readonly accounts = new Map<string, AccountState>();
  private readonly app: PaceState = { percent: 0, blockedUntil: 0, lastStart: -Infinity };
  private readonly slowdownFrom: number;
  private readonly maxSpacingMs: number;
  readonly maxWaitMs: number;
  private readonly maxConcurrent: number;
  private readonly fullConcurrencyUpTo: number;

  constructor(private readonly options: UsagePacerOptions) {
    this.slowdownFrom = options.slowdownFromPercent ?? 75;
    this.maxSpacingMs = options.maxSpacingMs ?? 30_000;
    this.maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
    this.maxConcurrent = options.maxConcurrentPerAccount ?? 4;
    this.fullConcurrencyUpTo = Math.min(
      options.fullConcurrencyUpToPercent ?? 50,
      this.slowdownFrom,
    );
  }

  private state(igUserId: string): AccountState {
    let state = this.accounts.get(igUserId);
    if (!state) {
      state = {
        percent: 0,
        blockedUntil: 0,
        lastStart: -Infinity,
        slots: new CallSlots(() => this.concurrency(igUserId)),
      };
      this.accounts.set(igUserId, state);
    }
    return state;
  }

  /** Takes in what a response's headers said about the account (undefined: they said nothing). */
  record(igUserId: string, usage: AccountUsage | undefined): void {
    if (!usage) return;
    const state = this.state(igUserId);
    const appBefore = this.app.percent;
    state.percent = usage.percent;
    if (usage.appPercent !== undefined) this.app.percent = usage.appPercent;
    if (usage.regainMs > 0) this.block(igUserId, this.options.now() + usage.regainMs);
    // Lower usage may allow more calls in flight: for this account, or for all when the app's fell.
    if (this.app.percent < appBefore)
      for (const other of this.accounts.values()) other.slots.admit();
    else state.slots.admit();
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

  /**
   * Calls the account may have in flight: all of them while its usage and the app's stay at or
   * below `fullConcurrencyUpToPercent`, then fewer in equal steps of usage, one from
   * `slowdownFromPercent` on (where spacing takes over). Calls already running are never cut.
   */
  concurrency(igUserId: string): number {
    const percent = Math.max(this.state(igUserId).percent, this.app.percent);
    if (percent <= this.fullConcurrencyUpTo) return this.maxConcurrent;
    if (percent >= this.slowdownFrom) return 1;
    const share = (this.slowdownFrom - percent) / (this.slowdownFrom - this.fullConcurrencyUpTo);
    return Math.max(1, Math.ceil(this.maxConcurrent * share));
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
    const queuedAt = state.slots.full() ? this.options.now() : undefined;
    return state.slots.run(async () => {
      if (queuedAt !== undefined)
        this.options.onWait?.({ reason: 'call_slots', waitMs: this.options.now() - queuedAt });
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
      this.options.onWait?.({ reason: this.waitReason(state, start), waitMs: wait });
      await this.options.sleep(wait);
    }
  }

  /** What holds a call back until `start` (the latest of the paces and blocks). */
  private waitReason(state: AccountState, start: number): PacerWaitReason {
    if (start <= this.app.blockedUntil) return 'app_blocked';
    if (start <= state.blockedUntil) return 'account_blocked';
    return 'spacing';
  }
}
