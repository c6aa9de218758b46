import { describe, expect, it } from '@jest/globals';
import { parseGraphTime } from '../../../src/sync/steps/graph-records.js';

describe('parseGraphTime', () => {
  it("reads Instagram's UTC form as that instant", () => {
    expect(parseGraphTime('2019-04-05T07:56:32+0000').toISOString()).toBe(
      '2019-04-05T07:56:32.000Z',
    );
  });

  it('reads any other offset as the same instant in UTC', () => {
    expect(parseGraphTime('2019-04-05T09:56:32+0200').toISOString()).toBe(
      '2019-04-05T07:56:32.000Z',
    );
    expect(parseGraphTime('2019-04-04T23:56:32-0800').toISOString()).toBe(
      '2019-04-05T07:56:32.000Z',
    );
  });

  it('refuses a text that is no time, naming it', () => {
    expect(() => parseGraphTime('2019-13-45T07:56:32+0000')).toThrow(
      'not a Graph API time: 2019-13-45T07:56:32+0000',
    );
    expect(() => parseGraphTime('yesterday')).toThrow('not a Graph API time: yesterday');
  });
});
