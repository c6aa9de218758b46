import { isGraphApiError } from '../instagram/graph-api.error.js';

export interface Failure {
  /** Stable code stored with the account's failure, e.g. `GRAPH_AUTH_190`. */
  code: string;
  /** Safe message (Graph API errors never carry the token). */
  message: string;
  /** The token is dead: the account is marked so until it is reconnected. */
  tokenInvalid: boolean;
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
  return {
    code: 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    tokenInvalid: false,
  };
}
