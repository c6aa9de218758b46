import type { Logger } from 'pino';
import { readOutcome, type GraphNode } from './graph-api.classifier.js';
import type { GraphApiError } from './graph-api.error.js';
import type { GraphHttp } from './graph-api.http.js';
import type { IgAccount } from './graph-api.types.js';
import { backoffMs, type RetryPolicy } from './retry.policy.js';
import { parseUsageHeaders } from './usage-headers.parser.js';
import type { UsagePacer } from './usage.pacer.js';

/** One logical GET (retried as needed). `url` is absolute and never carries the token. */
export interface GraphCall {
  account: IgAccount;
  url: string;
  params: Record<string, string>;
  node: GraphNode;
  /** Low-cardinality name for metrics and logs: `profile`, `media`, `comments`, … */
  endpoint: string;
}

/** One HTTP attempt, as reported to metrics. `status` is absent for network failures. */
export interface GraphCallEvent {
  igUserId: string;
  endpoint: string;
  /** URL path only (ids, no query, no token). */
  path: string;
  status: number | undefined;
  /** `ok`, or the kind of error the attempt ended with. */
  outcome: 'ok' | GraphApiError['kind'];
  durationMs: number;
  /** 1 for the first attempt of a call. */
  attempt: number;
}

/** Where the client reports each attempt (the http layer adapts it to Prometheus). */
export interface GraphApiMetrics {
  onCall(event: GraphCallEvent): void;
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
}

interface RetriesSpent {
  transient: number;
  throttle: number;
  /** Throttle waits so far: the cap holds for the whole call, not for each wait. */
  throttleWaitMs: number;
}

/**
 * Runs Graph API calls: paced per account, classified once, transient failures retried with
 * backoff, throttles waited out (the whole account stops) up to the pacer's cap.
 */
export class GraphApiTransport {
  constructor(private readonly deps: GraphApiTransportDeps) {}

  /** The parsed JSON body of a successful call; otherwise throws a GraphApiError. */
  async get<T>(call: GraphCall): Promise<T> {
    const igUserId = call.account.igUserId;
    const spent: RetriesSpent = { transient: 0, throttle: 0, throttleWaitMs: 0 };
    for (let attempt = 1; ; attempt++) {
      const result = await this.deps.pacer.run(igUserId, () => this.attempt(call, attempt));
      if (result.ok) return result.body as T;
      const { error } = result;
      const delayMs = this.retryDelay(igUserId, error, spent);
      if (delayMs === undefined) throw error;
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
    pacer.block(igUserId, this.deps.now() + delayMs);
    spent.throttleWaitMs += delayMs;
    const tooLong = spent.throttleWaitMs > pacer.maxWaitMs;
    return spent.throttle > retry.maxThrottleRetries || tooLong ? undefined : delayMs;
  }

  private async attempt(call: GraphCall, attempt: number) {
    const { account } = call;
    const path = new URL(call.url).pathname;
    const started = performance.now();
    const outcome = await this.deps.http.get({
      url: call.url,
      params: call.params,
      accessToken: account.accessToken,
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
