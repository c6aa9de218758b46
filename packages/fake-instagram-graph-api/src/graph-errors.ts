/**
 * Graph API error answers, with the codes, types and messages the real API sends
 * (reference §5, §6, §7, §8). The server adds `fbtrace_id` when it sends one.
 */
import type { ThrottleCode } from './fake-graph-api.types.js';
import { toPacificText } from './graph-time.js';

export interface GraphErrorBody {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
}

/** A Graph API error answer, thrown by routes and sent by the server. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly body: GraphErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'GraphError';
  }
}

const OAUTH = 'OAuthException';

export function invalidToken(): GraphError {
  const message = 'Invalid OAuth access token - Cannot parse access token';
  return new GraphError(
    400,
    { message, type: OAUTH, code: 190 },
    { 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` },
  );
}

export function missingToken(): GraphError {
  const message = 'An access token is required to request this resource.';
  return new GraphError(400, { message, type: OAUTH, code: 104 });
}

export function expiredToken(expiredAtMs: number, nowMs: number): GraphError {
  const message =
    `Error validating access token: Session has expired on ${toPacificText(expiredAtMs)}. ` +
    `The current time is ${toPacificText(nowMs)}.`;
  return new GraphError(400, { message, type: OAUTH, code: 190, error_subcode: 463 });
}

export function revokedToken(): GraphError {
  const message =
    'Error validating access token: The session has been invalidated because the user ' +
    'changed their password or Facebook has changed the session for security reasons.';
  return new GraphError(400, { message, type: OAUTH, code: 190, error_subcode: 460 });
}

/** 100/33: unknown id, deleted object, or an object the token may not see. */
export function objectNotFound(id: string, method = 'get'): GraphError {
  const message =
    `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded ` +
    'due to missing permissions, or does not support this operation. Please read the Graph ' +
    'API documentation at https://developers.facebook.com/docs/graph-api';
  return new GraphError(400, {
    message,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });
}

export function unknownPath(rest: string): GraphError {
  return new GraphError(400, {
    message: `Unknown path components: ${rest}`,
    type: OAUTH,
    code: 2500,
  });
}

export function nonexistingField(field: string, nodeType: string): GraphError {
  const message = `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`;
  return new GraphError(400, { message, type: OAUTH, code: 100 });
}

export function syntaxError(expected: string, at: number, input: string): GraphError {
  const message = `Syntax error "Expected ${expected}." at character ${at}: ${input}`;
  return new GraphError(400, { message, type: OAUTH, code: 2500 });
}

/** Code 100 with the "(#100) " prefix the API puts on parameter errors. */
export function invalidParameter(message: string): GraphError {
  return new GraphError(400, { message: `(#100) ${message}`, type: OAUTH, code: 100 });
}

/**
 * A breakdown refused beside other metrics. The real API's wording is unknown (whether it
 * refuses at all is): written in the style of its other parameter errors.
 */
export function breakdownNotSupported(breakdown: string, metrics: string[]): GraphError {
  return invalidParameter(
    `The breakdown ${breakdown} is not supported for the metrics ${metrics.join(', ')}`,
  );
}

/** Too large a field expansion; real answers come as HTTP 500. */
export function reduceData(): GraphError {
  const message = "Please reduce the amount of data you're asking for, then retry your request";
  return new GraphError(500, { message, type: OAUTH, code: 1 });
}

export function unknownError(): GraphError {
  const message = 'An unknown error has occurred.';
  return new GraphError(500, { message, type: OAUTH, code: 1, is_transient: true });
}

export function transientError(): GraphError {
  const message = 'An unexpected error has occurred. Please retry your request later.';
  return new GraphError(500, { message, type: OAUTH, code: 2, is_transient: true });
}

const THROTTLE_MESSAGES: Record<ThrottleCode, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80002:
    '(#80002) There have been too many calls to this Instagram account. Wait a bit and try ' +
    'again. For more info, please refer to ' +
    'https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
};

/** Throttled calls come back as HTTP 400 (not 429); callers branch on `code`. */
export function throttled(code: ThrottleCode): GraphError {
  return new GraphError(400, {
    message: THROTTLE_MESSAGES[code],
    type: OAUTH,
    code,
    ...(code === 17 ? { error_subcode: 2446079 } : {}),
    is_transient: true,
  });
}

const PERMISSION_MESSAGES = {
  10: '(#10) Application does not have permission for this action',
  200: '(#200) Requires instagram_manage_insights permission to manage the object',
} as const;

/** A permission the app or the token lacks (code 10, or 200 for a missing scope). */
export function permissionDenied(code: 10 | 200): GraphError {
  return new GraphError(403, { message: PERMISSION_MESSAGES[code], type: OAUTH, code });
}

/** Insights of media posted before the account became a business account. */
export function preConversionMedia(): GraphError {
  return new GraphError(400, {
    message: 'Invalid parameter',
    type: OAUTH,
    code: 100,
    error_subcode: 2108006,
    is_transient: false,
    error_user_title: 'Media Posted Before Business Account Conversion',
    error_user_msg:
      "The media was posted before the most recent time that the user's account was " +
      'converted to a business account from a personal account.',
  });
}
