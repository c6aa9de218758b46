import { describe, expect, it } from '@jest/globals';
import { classifyErrorBody } from '../../../src/instagram/graph-api.classifier.js';
import type { GraphErrorBody } from '../../../src/instagram/graph-api.classifier.js';
import { CombinedTotals, isBreakdownRefusal } from '../../../src/sync/steps/combined-totals.js';

/** The error the client throws for this answer to an account insights call. */
const refusal = (error: GraphErrorBody) =>
  classifyErrorBody(error, 400, {
    node: 'account',
    igUserId: '17841400000000001',
    path: '/v25.0/17841400000000001/insights',
    accessToken: 'EAAB-secret',
  });

describe('a refused breakdown beside other metrics', () => {
  it.each([
    '(#100) The breakdown follow_type is not supported for the metrics views, likes',
    '(#100) Incompatible breakdowns: follow_type',
    '(#100) breakdown[0] must be one of the following values: media_product_type',
  ])('is a code-100 refusal about the breakdown: %s', (message) => {
    expect(isBreakdownRefusal(refusal({ code: 100, message }))).toBe(true);
  });

  it.each<[string, GraphErrorBody]>([
    [
      'a refused metric name',
      { code: 100, message: '(#100) metric[2] must be one of the following values: reach' },
    ],
    [
      'the 30-day window',
      {
        code: 100,
        message: '(#100) There cannot be more than 30 days (2592000 s) between since and until',
      },
    ],
    ['the object', { code: 100, error_subcode: 33, message: 'Unsupported get request.' }],
    ['another code', { code: 1, message: 'Please reduce the breakdown of data' }],
  ])('is not %s', (_what, error) => {
    expect(isBreakdownRefusal(refusal(error))).toBe(false);
  });

  it('is not an error that did not come from Instagram', () => {
    expect(isBreakdownRefusal(new Error('(#100) breakdown not supported'))).toBe(false);
  });
});

describe('the combined totals memory', () => {
  it('asks combined until told to separate, and says so only the first time', () => {
    const totals = new CombinedTotals();
    expect(totals.combined).toBe(true);
    expect(totals.separate()).toBe(true);
    expect(totals.combined).toBe(false);
    expect(totals.separate()).toBe(false);
    expect(totals.combined).toBe(false);
  });
});
