import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';

describe('the typed client operations', () => {
  it('are valid against the checked-in schema (run `npm run codegen` after changing either)', () => {
    const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    const operations = parse(readFileSync('scripts/operations/demo.graphql', 'utf8'));
    expect(validate(schema, operations)).toEqual([]);
  });
});
