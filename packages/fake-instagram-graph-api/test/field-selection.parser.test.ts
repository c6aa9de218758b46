import { describe, expect, it } from '@jest/globals';

import { parseFields, serializeFields } from '../src/field-selection.parser.js';
import { GraphError } from '../src/graph-errors.js';

describe('the fields parameter parser', () => {
  it('reads nested edges with limit and metric modifiers', () => {
    const fields = parseFields(
      'id,media.limit(100){id,comments.limit(50){id,replies{id,text}},insights.metric(reach,views)}',
    );
    expect(fields[0]).toEqual({ name: 'id', params: {} });
    const media = fields[1];
    expect(media?.params).toEqual({ limit: '100' });
    expect(media?.fields?.[1]).toMatchObject({ name: 'comments', params: { limit: '50' } });
    expect(media?.fields?.[1]?.fields?.[1]?.fields?.map((f) => f.name)).toEqual(['id', 'text']);
    expect(media?.fields?.[2]).toEqual({ name: 'insights', params: { metric: 'reach,views' } });
  });

  it('accepts the sub-selection before the modifiers and spaces between names', () => {
    const [comments] = parseFields('comments{id, text}.limit(5)');
    expect(comments).toEqual({
      name: 'comments',
      params: { limit: '5' },
      fields: [
        { name: 'id', params: {} },
        { name: 'text', params: {} },
      ],
    });
  });

  it('writes back what it read, for nested paging links', () => {
    const text = 'id,comments.limit(50){id,replies.limit(2){id}},insights.metric(reach,views)';
    expect(serializeFields(parseFields(text))).toBe(text);
  });

  it('rejects malformed input with the code 2500 syntax error', () => {
    let thrown: unknown;
    try {
      parseFields('id,media{id');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphError);
    expect((thrown as GraphError).body).toMatchObject({ code: 2500, type: 'OAuthException' });
    expect((thrown as GraphError).body.message).toMatch(
      /^Syntax error "Expected "}"\." at character 11/,
    );
  });
});
