import { GraphQLError } from 'graphql';
import { AppError } from '../errors/app.error.js';
import { InvalidCursorError } from '../db/repositories/keyset-cursor.js';

const HTTP_STATUS: Partial<Record<AppError['code'], number>> = { UNAUTHENTICATED: 401 };

/** Expected refusals become GraphQL errors with `extensions.code` (and the field at fault). */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof AppError) {
    return new GraphQLError(error.message, {
      extensions: {
        code: error.code,
        ...(error.field ? { field: error.field } : {}),
        // Apollo answers an HTTP request that fails before execution with this status.
        ...(HTTP_STATUS[error.code] ? { http: { status: HTTP_STATUS[error.code] } } : {}),
      },
    });
  }
  if (error instanceof InvalidCursorError) {
    return new GraphQLError('after must be an endCursor returned by the same list', {
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  }
  return error;
}

/** Runs a service call, translating expected refusals. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGraphQLError(error);
  }
}
