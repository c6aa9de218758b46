import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../config/logger.js';

/** The only text an unexpected failure ever shows a caller. */
export const INTERNAL_MESSAGE = 'Internal server error';

/** Apollo's code for a failure nobody coded; graphql-ws leaves such errors without one. */
const UNCODED = 'INTERNAL_SERVER_ERROR';

/** A failure a caller caused and may read about: a coded refusal, or a parse/validation error. */
function isExpected(formatted: GraphQLFormattedError, error: unknown): boolean {
  const code = formatted.extensions?.code;
  if (typeof code === 'string') return code !== UNCODED;
  // graphql-ws: parse and validation errors are GraphQLErrors of their own, never wrapping.
  return error instanceof GraphQLError && !error.originalError;
}

/**
 * The one error formatter of HTTP (Apollo's `formatError`) and WebSocket (graphql-ws hooks).
 * Expected errors keep their message and code, minus any stack trace. Anything else (a SQL
 * error, a bug) is logged with a fresh request id and answered with that id only, so no
 * internal message, file path or query ever reaches a caller, in any environment.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
): GraphQLFormattedError {
  if (isExpected(formatted, error)) {
    // `http` is Apollo's status hint (Apollo drops it itself); graphql-ws would pass it on.
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return {
      ...formatted,
      extensions: {
        ...extensions,
        code: typeof extensions.code === 'string' ? extensions.code : 'GRAPHQL_VALIDATION_FAILED',
      },
    };
  }
  const requestId = randomUUID();
  logger.error({ err: error, requestId, path: formatted.path }, 'GraphQL operation failed');
  return {
    message: INTERNAL_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: UNCODED, requestId },
  };
}
