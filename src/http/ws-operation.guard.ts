import {
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { Logger } from '../config/logger.js';
import { operationLimitErrors } from '../graphql/limits/operation-limits.js';
import { maskError } from '../graphql/mask-error.js';

/**
 * Operations one socket may run at once. A dashboard follows a handful of runs; past this,
 * each live subscription holds a Redis listener and a database cursor for nothing.
 */
export const MAX_OPERATIONS_PER_SOCKET = 20;

/**
 * graphql-ws `onSubscribe`: the socket's operation count, then parse, the standard validation
 * and the same limits as HTTP. Returns the refusal (sent for that operation id only, the
 * socket's other operations go on) or the arguments to execute.
 */
export function guardOperation(schema: GraphQLSchema) {
  return (
    ctx: { subscriptions: Record<string, unknown> },
    _id: string,
    payload: SubscribePayload,
  ): ExecutionArgs | readonly GraphQLError[] => {
    // The operation being subscribed is already in `subscriptions`.
    if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_SOCKET)
      return [
        new GraphQLError(
          `at most ${MAX_OPERATIONS_PER_SOCKET} operations may run at once on one socket; complete one first`,
          { extensions: { code: 'TOO_MANY_OPERATIONS' } },
        ),
      ];
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    const variables = payload.variables ?? undefined;
    const errors = validate(schema, document);
    if (errors.length > 0) return errors;
    const limits = operationLimitErrors(schema, document, variables, payload.operationName);
    if (limits.length > 0) return limits;
    return { schema, document, variableValues: variables, operationName: payload.operationName };
  };
}

/** graphql-ws `onNext` and `onError`: errors formatted exactly as Apollo's `formatError` does. */
export function maskingHooks(logger: Logger) {
  return {
    onNext: (
      _ctx: unknown,
      _id: string,
      _payload: SubscribePayload,
      _args: ExecutionArgs,
      result: ExecutionResult,
    ): FormattedExecutionResult | void => {
      if (!result.errors) return;
      return {
        ...result,
        errors: result.errors.map((error) => maskError(error.toJSON(), error, logger)),
      };
    },
    onError: (
      _ctx: unknown,
      _id: string,
      _payload: SubscribePayload,
      errors: readonly GraphQLError[],
    ) => errors.map((error) => maskError(error.toJSON(), error, logger)),
  };
}
