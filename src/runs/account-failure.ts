import { randomUUID } from 'node:crypto';
import { isGraphApiError } from '../instagram/graph-api.error.js';

export interface Failure {
  /** Stable code stored with the account's failure, e.g. `GRAPH_AUTH_190`. */
  code: string;
  /** Safe message (Graph API errors never carry the token). */
  message: string;
  /** The token is dead: the account is marked so until it is reconnected. */
  tokenInvalid: boolean;
  /** Set on internal failures: the log line holding the detail carries the same ref. */
  ref?: string;
}

/**
 * An unexpected failure (a deadlock, a bug) as it may be stored and shown on a run: a generic
 * message with a ref. Its own message can carry SQL, paths or data, so it goes to the log only.
 */
export function internalFailure(): Failure & { ref: string } {
  const ref = randomUUID().slice(0, 8);
  return {
    code: 'INTERNAL',
    message: `Internal error (see the worker log, ref ${ref})`,
    tokenInvalid: false,
    ref,
  };
}

/** How an account's failure in a step is recorded. Classification itself is the client's. */
export function describeFailure(error: unknown): Failure {
  if (isGraphApiError(error)) {
    const suffix =
      error.code === undefined ? '' : `_${error.code}${error.subcode ? `_${error.subcode}` : ''}`;
    return {
      code: `GRAPH_${error.kind.toUpperCase()}${suffix}`,
      message: error.fbtraceId ? `${error.message} (fbtrace_id ${error.fbtraceId})` : error.message,
      tokenInvalid: error.kind === 'auth',
    };
  }
  return internalFailure();
}
