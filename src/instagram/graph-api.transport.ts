import type { Logger } from 'pino';
import { readOutcome, type GraphNode } from './graph-api.classifier.js';
import type { GraphApiError } from './graph-api.error.js';
import type { GraphHttp } from './graph-api.http.js';
import type { GraphEndpoint } from './graph-endpoints.js';
import type { IgAccount } from './graph-api.types.js';
import type { RetryBudget } from './retry.budget.js';
import { backoffMs, type RetryPolicy } from './retry.policy.js';
import { parseUsageHeaders } from './usage-headers.parser.js';
import type { PacerWait, UsagePacer } from './usage.pacer.js';

/** One logical GET (retried as needed). `url` is absolute and never carries the token. */
export interface GraphCall {
  account: IgAccount;
  url: string;
  params: Record<string, string>;
  node: GraphNode;
  /** Which endpoint, for logs and (as its path template) metrics: `profile`, `media`, … */
  endpoint: GraphEndpoint;
  /**
   * The caller can ask for less (a paged edge: a smaller page): code 1 "reduce the amount of
   * data" and timeouts are handed back at once instead of retried at the same size.
   */
  shrinkable?: boolean;
}

/** One HTTP attempt, as reported to metrics. `status` is absent for network failures. */
export interface GraphCallEvent {
  igUserId: string;
  endpoint: GraphEndpoint;
  /** URL path only (ids, no query, no token). */
  path: string;
  status: number | undefined;
  /** `ok`, or the kind of error the attempt ended with. */
  outcome: 'ok' | GraphApiError['kind'];
  durationMs: number;
  /** 1 for the first attempt of a call. */
  attempt: number;
}

/** Where the client reports each attempt and each wait (the http layer adapts it to Prometheus). */
export interface GraphApiMetrics {
  onCall(event: GraphCallEvent): void;
  /** A call waited for its turn (usage spacing, a block, a free call slot). */
  onWait?(wait: PacerWait): void;
}

export interface GraphApiTransportDeps {
  http: GraphHttp;
  pacer: UsagePacer;
  retry: RetryPolicy;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  logger?: Logger;
  metrics?: GraphApiMetrics;
  /** Retries per account, over all its calls (shared by every transport of a client). */
  budget: RetryBudget;
  /** Epoch ms by which the call must have answered or failed (interactive calls). */
  deadlineAt?: number;
}

/** The app's own limits (reference §6): they stop every account's calls, not one account's. */
const APP_THROTTLE_CODES = new Set([4, 341]);

interface RetriesSpent {
  transient: number;
  throttle: number;
  /** Throttle waits so far: the cap holds for the whole call, not for each wait. */
  throttleWaitMs: number;
}

/**
 * Runs Graph API calls: paced per account, classified once, transient failures retried with
 * backoff, throttles waited out (the whole account stops; the whole app for app limits) up to
 * the pacer's cap, retries bounded per call and per account, and — with a deadline — every
 * attempt and wait fitted into what is left of it.
 */
export class GraphApiTransport {
  constructor(private readonly deps: GraphApiTransportDeps) {}

  /** The same transport, but every call must end within `budgetMs` from now. */
  withDeadline(budgetMs: number): GraphApiTransport {
    return new GraphApiTransport({ ...this.deps, deadlineAt: this.deps.now() + budgetMs });
  }

  private remainingMs(): number {
    const { deadlineAt } = this.deps;
    return deadlineAt === undefined ? Infinity : deadlineAt - this.deps.now();
  }

  /** The parsed JSON body of a successful call; otherwise throws a GraphApiError. */
  async get<T>(call: GraphCall): Promise<T> {
    const igUserId = call.account.igUserId;
    const spent: RetriesSpent = { transient: 0, throttle: 0, throttleWaitMs: 0 };
    for (let attempt = 1; ; attempt++) {
      const remaining = this.remainingMs();
      const result = await this.deps.pacer.run(
        igUserId,
        () => this.attempt(call, attempt, remaining),
        { maxWaitMs: remaining },
      );
      if (result.ok) return result.body as T;
      const { error } = result;
      if (call.shrinkable && error.wantsLess) throw error;
      const delayMs = this.retryDelay(igUserId, error, spent);
      if (delayMs === undefined || delayMs >= this.remainingMs()) throw error;
      if (!this.deps.budget.take(igUserId, delayMs)) {
        this.deps.logger?.warn(
          { igUserId, endpoint: call.endpoint, err: error.toJSON() },
          'Graph API retry budget of the account spent; not retrying',
        );
        throw error;
      }
      this.deps.logger?.warn(
        { igUserId, endpoint: call.endpoint, attempt, err: error.toJSON(), delayMs },
        'Graph API call failed; retrying',
      );
      // A throttle's wait happens in the pacer (blocked above), for every call of the account.
      if (error.kind === 'transient') await this.deps.sleep(delayMs);
    }
  }

  /** How long to wait before the next attempt, or undefined to give up. */
  private retryDelay(igUserId: string, error: GraphApiError, spent: RetriesSpent) {
    const { retry, pacer, random } = this.deps;
    if (error.kind === 'transient' && spent.transient < retry.maxRetries) {
      spent.transient++;
      return backoffMs(spent.transient, retry.baseDelayMs, retry.maxDelayMs, random);
    }
    if (error.kind !== 'throttled') return undefined;
    spent.throttle++;
    // Instagram's own regain time when it gives one; otherwise back off exponentially.
    const delayMs =
      error.retryAfterMs ??
      backoffMs(spent.throttle, retry.throttleBaseDelayMs, pacer.maxWaitMs, random);
    // Calling a throttled account extends its block: stop all its calls, even when giving up.
    if (APP_THROTTLE_CODES.has(error.code ?? 0)) pacer.blockApp(this.deps.now() + delayMs);
    else pacer.block(igUserId, this.deps.now() + delayMs);
    spent.throttleWaitMs += delayMs;
    const tooLong = spent.throttleWaitMs > pacer.maxWaitMs;
    return spent.throttle > retry.maxThrottleRetries || tooLong ? undefined : delayMs;
  }

  private async attempt(call: GraphCall, attempt: number, remainingMs: number) {
    const { account } = call;
    const path = new URL(call.url).pathname;
    const started = performance.now();
    const outcome = await this.deps.http.get({
      url: call.url,
      params: call.params,
      accessToken: account.accessToken,
      ...(Number.isFinite(remainingMs) ? { timeoutMs: Math.max(1, remainingMs) } : {}),
    });
    const durationMs = performance.now() - started;
    const usage =
      outcome.type === 'response'
        ? parseUsageHeaders(outcome.headers, account.igUserId)
        : undefined;
    this.deps.pacer.record(account.igUserId, usage);
    const where = {
      node: call.node,
      igUserId: account.igUserId,
      path,
      accessToken: account.accessToken,
    };
    const regainMs = usage && usage.regainMs > 0 ? usage.regainMs : undefined;
    const result = readOutcome(outcome, where, regainMs);
    this.deps.metrics?.onCall({
      igUserId: account.igUserId,
      endpoint: call.endpoint,
      path,
      status: outcome.type === 'response' ? outcome.status : undefined,
      outcome: result.ok ? 'ok' : result.error.kind,
      durationMs,
      attempt,
    });
    return result;
  }
}
