import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { printSchema, type GraphQLObjectType } from 'graphql';
import { buildGraphqlSchema } from '../../../src/graphql/schema.js';

describe('the GraphQL contract', () => {
  it('is what schema/schema.graphql says (run `npm run schema` after changing types)', async () => {
    const printed = `${printSchema(await buildGraphqlSchema(null))}\n`;
    expect(printed).toBe(readFileSync('schema/schema.graphql', 'utf8'));
  });

  it('keeps the names clients rely on', async () => {
    const schema = await buildGraphqlSchema(null);
    const signature = (root: 'Query' | 'Mutation' | 'Subscription', field: string) => {
      const rootType = {
        Query: schema.getQueryType(),
        Mutation: schema.getMutationType(),
        Subscription: schema.getSubscriptionType(),
      }[root];
      const found = rootType?.getFields()[field];
      return found
        ? `${field}(${found.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')}): ${String(found.type)}`
        : null;
    };
    expect(signature('Mutation', 'connectInstagramAccount')).toBe(
      'connectInstagramAccount(input: ConnectInstagramAccountInput!): InstagramAccount!',
    );
    expect(signature('Mutation', 'startInstagramSync')).toBe(
      'startInstagramSync(userNo: Int, months: Int): SyncLaunch!',
    );
    expect(signature('Mutation', 'cancelInstagramSync')).toBe(
      'cancelInstagramSync(executionId: ID!): BatchExecution!',
    );
    expect(signature('Mutation', 'restartInstagramSync')).toBe(
      'restartInstagramSync(executionId: ID!): SyncLaunch!',
    );
    expect(signature('Query', 'batchStatus')).toBe('batchStatus(): BatchStatus!');
    expect(signature('Query', 'batchExecution')).toBe('batchExecution(id: ID!): BatchExecution!');
    expect(signature('Query', 'batchExecutions')).toBe(
      'batchExecutions(first: Int, after: String, status: RunStatus, userNo: Int): BatchExecutionConnection!',
    );
    expect(signature('Query', 'instagramAccount')).toBe(
      'instagramAccount(userNo: Int!): InstagramAccount',
    );
    expect(signature('Subscription', 'batchProgress')).toBe(
      'batchProgress(executionId: ID, afterSeq: Int): BatchProgressEvent!',
    );
    const fieldsOf = (type: string) =>
      Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
    expect(fieldsOf('SyncLaunch')).toEqual(
      expect.arrayContaining([
        'executionId',
        'status',
        'message',
        'executionTime',
        'executionType',
        'targetUserNo',
        'monthsToSync',
        'deduplicated',
      ]),
    );
    expect(fieldsOf('BatchProgressEvent')).toEqual(
      expect.arrayContaining(['executionId', 'seq', 'type', 'step', 'at', 'progress', 'message']),
    );
  });
});
