import { buildSchema } from 'graphql';
// The service's schema as committed (a unit test keeps the file equal to the code).
import sdl from '../../schema/schema.graphql?raw';

/**
 * GraphiQL's docs and completion, from the schema this build was made with, rather than an
 * introspection query: the service refuses operations nested deeper than its depth limit, and
 * the standard introspection query nests 15 levels.
 */
export const SERVICE_SCHEMA = buildSchema(sdl);
