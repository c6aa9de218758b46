/**
 * How the sync should react to a failed Graph API call. Decided once, at the client boundary:
 * - `transient`: 5xx, network errors, timeouts, code 1/2 (code 1 "reduce the amount of data"
 *   included: `tooMuchData`, the caller may also ask for less), `is_transient` — retry later;
 * - `throttled`: rate limited (4, 17, 32, 613, 80001, 80002, 341, 368) — stop calling the account;
 * - `auth`: token invalid or expired (190, 102) — ask the user to reconnect, never retry;
 * - `permission`: a scope is missing (10, 200–299) — ask for the permission, never retry;
 * - `skippable`: this one item cannot be read (pre-conversion media, too few viewers,
 *   deleted object) — skip it and go on;
 * - `permanent`: the request itself is wrong — do not retry.
 */
export type GraphApiErrorKind =
  'transient' | 'throttled' | 'auth' | 'permission' | 'skippable' | 'permanent';

export interface GraphApiErrorInit {
  kind: GraphApiErrorKind;
  /** Safe to log and show: never contains a token or a URL with a query. */
  message: string;
  /** HTTP status, absent for network failures and client-side refusals. */
  status?: number;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
  /** Code 1 "Please reduce the amount of data you're asking for": retry with a smaller `limit`. */
  tooMuchData?: boolean;
  /** No answer within the HTTP timeout: a smaller page may answer in time. */
  timedOut?: boolean;
  /** For `throttled`: how long Instagram asks us to stay away, when it says so. */
  retryAfterMs?: number;
  /** Account whose call failed, and the path called (no query string). */
  igUserId?: string;
  path?: string;
}

/** A failed Graph API call, classified. Carries no token, no HTTP client object and no request. */
export class GraphApiError extends Error {
  readonly kind: GraphApiErrorKind;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly tooMuchData: boolean;
  readonly timedOut: boolean;
  readonly retryAfterMs: number | undefined;
  readonly igUserId: string | undefined;
  readonly path: string | undefined;

  constructor(init: GraphApiErrorInit) {
    super(init.message);
    this.name = 'GraphApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.subcode = init.subcode;
    this.fbtraceId = init.fbtraceId;
    this.tooMuchData = init.tooMuchData ?? false;
    this.timedOut = init.timedOut ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.igUserId = init.igUserId;
    this.path = init.path;
  }

  /** Whether asking for less (a smaller page, a shorter range, fewer fields) may succeed. */
  get wantsLess(): boolean {
    return this.tooMuchData || this.timedOut;
  }

  /** Whether calling again later can succeed (the client already did, up to its limits). */
  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'throttled';
  }

  /** A plain, loggable summary (pino serialises this instead of the stack). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      subcode: this.subcode,
      fbtraceId: this.fbtraceId,
      igUserId: this.igUserId,
      path: this.path,
    };
  }
}

/** Narrowing helper for callers that catch `unknown`. */
export function isGraphApiError(error: unknown, kind?: GraphApiErrorKind): error is GraphApiError {
  return error instanceof GraphApiError && (kind === undefined || error.kind === kind);
}
