import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { measureOperation, operationOf } from './query-shape.js';

// The package's ESM build imports graphql's `.mjs` files: a second graphql beside the CommonJS
// one the schema was built with, refused as "GraphQLObjectType from another realm". Its
// CommonJS build shares ours.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;

/**
 * Per-operation ceilings. The largest legitimate query (an account's 100 newest media with a
 * few fields and their first 20 comments) stays well inside each; an alias bomb or a deep
 * replay of nested lists does not.
 */
export const OPERATION_LIMITS = {
  depth: 10,
  aliases: 30,
  rootFields: 20,
  /** Cost units: one per field, list fields multiplied by their page size (see `pagedList`). */
  complexity: 25_000,
} as const;

/** Default page size of the paged list fields, as the resolvers apply it. */
const DEFAULT_FIRST = 20;

/**
 * Cost of a paged list field: every child is fetched up to `first` times. A `first` out of
 * range counts as its nearest bound; the resolver refuses it anyway.
 */
export function pagedList(defaultFirst = DEFAULT_FIRST): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const asked: unknown = args.first;
    const first = typeof asked === 'number' ? Math.min(Math.max(asked, 1), 100) : defaultFirst;
    return 1 + first * childComplexity;
  };
}

const refusal = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** The shape limits of an already validated document: depth, aliases, root fields. */
function shapeErrors(document: DocumentNode, operationName?: string | null): GraphQLError[] {
  const operation = operationOf(document, operationName);
  if (!operation) return [];
  const shape = measureOperation(document, operation);
  const { depth, aliases, rootFields } = OPERATION_LIMITS;
  const errors: GraphQLError[] = [];
  if (shape.depth > depth)
    errors.push(
      refusal('QUERY_TOO_DEEP', `the query nests ${shape.depth} levels; at most ${depth} allowed`),
    );
  if (shape.aliases > aliases)
    errors.push(
      refusal('TOO_MANY_ALIASES', `the query uses ${shape.aliases} aliases; at most ${aliases}`),
    );
  if (shape.rootFields > rootFields)
    errors.push(
      refusal(
        'TOO_MANY_ROOT_FIELDS',
        `the operation asks ${shape.rootFields} root fields; at most ${rootFields}`,
      ),
    );
  return errors;
}

/**
 * Every limit an operation breaks, as coded errors (empty when it may run). Call after the
 * standard validation, with the request's variables (they set `first`).
 */
export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): GraphQLError[] {
  const errors = shapeErrors(document, operationName);
  if (errors.length > 0) return errors;
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Bad variables: execution refuses them with its own BAD_USER_INPUT message.
    if (error instanceof GraphQLError) return [];
    throw error;
  }
  if (cost <= OPERATION_LIMITS.complexity) return [];
  return [
    refusal(
      'QUERY_TOO_COMPLEX',
      `the query costs ${cost}; at most ${OPERATION_LIMITS.complexity} (ask smaller pages with first, or fewer nested lists)`,
    ),
  ];
}
