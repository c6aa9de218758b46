import { GraphApiError, type GraphApiErrorKind } from './graph-api.error.js';

/** Which kind of node a call reads: a missing media or comment is skipped, a missing account is not. */
export type GraphNode = 'account' | 'media' | 'comment';

/** What one HTTP attempt produced, before any interpretation. */
export type HttpOutcome =
  | { type: 'response'; status: number; headers: Record<string, string>; body: string }
  | { type: 'network'; timedOut: boolean; code: string | undefined };

/** The `error` object of a Graph API error body. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
  is_transient?: boolean;
}

const THROTTLE_CODES = new Set([4, 17, 32, 613, 80001, 80002, 341, 368]);
const AUTH_CODES = new Set([190, 102]);
/** Media posted before the account became a business account has no insights. */
const SUBCODE_PRE_CONVERSION = 2108006;
const SUBCODE_OBJECT_MISSING = 33;
const TOO_MUCH_DATA = /reduce the amount of data/i;
const NOT_ENOUGH_VIEWERS = /not enough viewers/i;

function kindOf(error: GraphErrorBody, status: number, node: GraphNode): GraphApiErrorKind {
  const code = error.code ?? 0;
  const subcode = error.error_subcode;
  const message = error.message ?? '';
  if (AUTH_CODES.has(code)) return 'auth';
  if (THROTTLE_CODES.has(code)) return 'throttled';
  if (subcode === SUBCODE_PRE_CONVERSION) return 'skippable';
  if (code === 10 && NOT_ENOUGH_VIEWERS.test(message)) return 'skippable';
  const itemMissing = (code === 100 && subcode === SUBCODE_OBJECT_MISSING) || code === 803;
  if (itemMissing) {
    if (node !== 'account') return 'skippable';
    return code === 803 ? 'permanent' : 'permission';
  }
  // Code 1 "reduce the amount of data" too: often gone on the next try; callers then shrink.
  if (code === 1 || code === 2 || error.is_transient === true) return 'transient';
  if (code === 10 || (code >= 200 && code <= 299)) return 'permission';
  if (status >= 500) return 'transient';
  return 'permanent';
}

/** Removes the token wherever a server might have echoed it. */
export function redact(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('[redacted]') : text;
}

interface Where {
  node: GraphNode;
  igUserId: string;
  path: string;
  accessToken: string;
}

/** Sorts a Graph API error body into a GraphApiError (the one place this is decided). */
export function classifyErrorBody(
  error: GraphErrorBody,
  status: number,
  where: Where,
  retryAfterMs?: number,
): GraphApiError {
  const kind = kindOf(error, status, where.node);
  const code = error.code;
  const detail = error.error_user_title ? ` (${error.error_user_title})` : '';
  return new GraphApiError({
    kind,
    message: redact(
      `Graph API ${where.path}: ${error.message ?? 'error'}${detail} [code ${code ?? '?'}` +
        `${error.error_subcode ? `/${error.error_subcode}` : ''}, HTTP ${status}]`,
      where.accessToken,
    ),
    status,
    code,
    subcode: error.error_subcode,
    fbtraceId: error.fbtrace_id,
    tooMuchData: code === 1 && TOO_MUCH_DATA.test(error.message ?? ''),
    retryAfterMs: kind === 'throttled' ? retryAfterMs : undefined,
    igUserId: where.igUserId,
    path: where.path,
  });
}

/** A response we could not read (bad JSON, cut short) or no response at all: both transient. */
export function classifyUnreadable(outcome: HttpOutcome, where: Where, why: string): GraphApiError {
  const status = outcome.type === 'response' ? outcome.status : undefined;
  let kind: GraphApiErrorKind = 'transient';
  if (status === 429) kind = 'throttled';
  // Redirects are not followed (they could carry the token elsewhere); 4xx will not get better.
  else if (status !== undefined && status >= 300 && status < 500) kind = 'permanent';
  const what =
    outcome.type === 'network'
      ? outcome.timedOut
        ? 'timed out'
        : `network error ${outcome.code ?? ''}`.trim()
      : `HTTP ${outcome.status}, ${why}`;
  return new GraphApiError({
    kind,
    message: `Graph API ${where.path}: ${what}`,
    status,
    timedOut: outcome.type === 'network' && outcome.timedOut,
    igUserId: where.igUserId,
    path: where.path,
  });
}

/**
 * Reads one HTTP outcome: the parsed JSON body on success, or the classified error.
 * A 200 whose body is not JSON (a truncated page) is transient, like a 5xx.
 */
export function readOutcome(
  outcome: HttpOutcome,
  where: Where,
  retryAfterMs?: number,
): { ok: true; body: unknown } | { ok: false; error: GraphApiError } {
  if (outcome.type === 'network') {
    return { ok: false, error: classifyUnreadable(outcome, where, '') };
  }
  let body: unknown;
  try {
    body = JSON.parse(outcome.body);
  } catch {
    return { ok: false, error: classifyUnreadable(outcome, where, 'body is not valid JSON') };
  }
  const error = (body as { error?: GraphErrorBody } | null)?.error;
  if (error && typeof error === 'object') {
    return { ok: false, error: classifyErrorBody(error, outcome.status, where, retryAfterMs) };
  }
  if (outcome.status >= 300 || body === null || typeof body !== 'object') {
    return { ok: false, error: classifyUnreadable(outcome, where, 'unexpected body') };
  }
  return { ok: true, body };
}
