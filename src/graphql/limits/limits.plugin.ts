import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { operationLimitErrors } from './operation-limits.js';

/**
 * Refuses an HTTP operation over a limit before it executes. Runs once the document is
 * parsed and validated, because the cost depends on the request's variables.
 */
export function operationLimitsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const [first] = operationLimitErrors(
            schema,
            document,
            request.variables,
            request.operationName,
          );
          if (first) throw first;
        },
      };
    },
  };
}
