/**
 * The answer to one request after its faults are known: an injected failure, or
 * `/debug_token`, `/refresh_access_token`, or token check → call budget → route. Usage headers go on every
 * answer made with a known token, errors included, as they do on the real API.
 */
import { randomBytes } from 'node:crypto';

import type { FaultOutcome } from './fault-control.js';
import type { ThrottleCode } from './fake-graph-api.types.js';
import type { FakeStore } from './fake-store.js';
import type { GraphContext, Json } from './graph-context.js';
import {
  breakdownNotSupported,
  GraphError,
  throttled,
  permissionDenied,
  preConversionMedia,
  reduceData,
  transientError,
  unknownError,
  unknownPath,
} from './graph-errors.js';
import { routeGraphRequest } from './graph-router.js';
import { INSTAGRAM_HOST_PREFIX, type GraphHost } from './graph-host.js';
import { authenticate, debugToken, expireNow, type CallerToken } from './token-auth.js';
import { refreshToken } from './token-refresh.js';
import type { UsageMeter } from './usage-meter.js';

export interface AnswerDeps {
  store: FakeStore;
  usage: UsageMeter;
  throttleCode: ThrottleCode;
  maxExpansionItems: number;
  baseUrl: string;
}

export interface RequestParts {
  method: string;
  host: GraphHost;
  version: string;
  segments: string[];
  /** Without secrets. */
  query: Map<string, string>;
  caller: CallerToken;
  inputToken: string;
  nowMs: number;
}

export interface Answer {
  status: number;
  body: Json;
  headers: Record<string, string>;
}

/** The error body with a fresh `fbtrace_id` (random, like the real ones). */
export function errorAnswer(error: GraphError, headers: Record<string, string> = {}): Answer {
  const fbtrace_id = `A${randomBytes(8).toString('base64url')}`;
  return {
    status: error.status,
    body: { error: { ...error.body, fbtrace_id } },
    headers: { ...headers, ...error.headers },
  };
}

function injected(deps: AnswerDeps, req: RequestParts, outcome: FaultOutcome): Answer | undefined {
  const failure = outcome.failure;
  if (failure?.kind === 'http5xx') {
    const status = failure.status ?? 500;
    return status === 500 ? errorAnswer(unknownError()) : { status, body: {}, headers: {} };
  }
  if (failure?.kind === 'transientError') return errorAnswer(transientError());
  if (failure?.kind === 'tooMuchData') return errorAnswer(reduceData());
  if (failure?.kind === 'permission') return errorAnswer(permissionDenied(failure.code ?? 10));
  if (failure?.kind === 'skippableMedia') return errorAnswer(preConversionMedia());
  if (failure?.kind === 'combinedBreakdown') {
    const others = (req.query.get('metric') ?? '').split(',');
    const refused = others.filter((m) => m !== 'follows_and_unfollows');
    return errorAnswer(breakdownNotSupported(req.query.get('breakdown') ?? '', refused));
  }
  if (failure?.kind === 'tokenExpired' && req.caller.token) {
    expireNow(deps.store.tokens.get(req.caller.token), req.nowMs);
  }
  if (failure?.kind === 'throttle') {
    const token = req.caller.token ?? '';
    const account = deps.store.accountByToken(token);
    const regain = failure.regainMinutes ?? 5;
    const headers = account ? deps.usage.headers(token, account.igUserId, req.nowMs, regain) : {};
    return errorAnswer(throttled(failure.code ?? 80002), headers);
  }
  return undefined;
}

function routed(deps: AnswerDeps, req: RequestParts): Answer {
  const { store, usage } = deps;
  const token = req.caller.token ?? '';
  let headers: Record<string, string> = {};
  try {
    if (req.segments.length === 1 && req.segments[0] === 'debug_token') {
      // graph.instagram.com has no token introspection (reference §9).
      if (req.host === 'instagram') throw unknownPath('/debug_token');
      return {
        status: 200,
        body: debugToken(store, req.caller.token, req.inputToken, req.nowMs),
        headers,
      };
    }
    if (req.segments.length === 1 && req.segments[0] === 'refresh_access_token') {
      const grantType = req.query.get('grant_type');
      return { status: 200, body: refreshToken(store, token, grantType, req.nowMs), headers };
    }
    const account = authenticate(store, req.caller.token, req.nowMs);
    const regain = usage.regainMinutes(token, req.nowMs);
    if (regain > 0) {
      headers = usage.headers(token, account.igUserId, req.nowMs, regain);
      throw throttled(deps.throttleCode);
    }
    usage.record(token, req.nowMs);
    headers = usage.headers(token, account.igUserId, req.nowMs);
    const ctx: GraphContext = {
      store,
      account,
      host: req.host,
      tokenPages: store.tokens.get(token)?.pages,
      // Paging links stay on the host that answered, as the real ones do.
      baseUrl: req.host === 'instagram' ? `${deps.baseUrl}/${INSTAGRAM_HOST_PREFIX}` : deps.baseUrl,
      version: req.version,
      segments: req.segments,
      query: req.query,
      ...(req.caller.inQuery ? { queryToken: token } : {}),
      nowMs: req.nowMs,
      maxExpansionItems: deps.maxExpansionItems,
    };
    return { status: 200, body: routeGraphRequest(ctx, req.method), headers };
  } catch (error) {
    if (error instanceof GraphError) return errorAnswer(error, headers);
    throw error;
  }
}

/** Answers a request; a bug in the fake answers 500 with its message instead of hanging. */
export function answerRequest(deps: AnswerDeps, req: RequestParts, outcome: FaultOutcome): Answer {
  try {
    return injected(deps, req, outcome) ?? routed(deps, req);
  } catch (error) {
    const message = `fake-graph-api internal error: ${String(error)}`;
    console.error(message);
    return {
      status: 500,
      body: { error: { message, type: 'FakeGraphApiBug', code: -1 } },
      headers: {},
    };
  }
}
