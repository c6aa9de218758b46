import { describe, expect, it } from '@jest/globals';

import { bucketDayOf, bucketStart, dayFromISO, toGraphTime } from '../src/graph-time.js';

const day = (iso: string) => dayFromISO(iso)!;
const startOf = (iso: string) => toGraphTime(bucketStart(day(iso)));

describe("the fake's insight days", () => {
  it('are Pacific days: a bucket starts at 07:00 UTC in summer and 08:00 UTC in winter', () => {
    expect(startOf('2026-06-15')).toBe('2026-06-15T07:00:00+0000');
    expect(startOf('2026-01-15')).toBe('2026-01-15T08:00:00+0000');
  });

  it('start at Pacific midnight on the days of the March and November changes too', () => {
    expect(startOf('2026-03-08')).toBe('2026-03-08T08:00:00+0000');
    expect(startOf('2026-03-09')).toBe('2026-03-09T07:00:00+0000');
    expect(startOf('2026-11-01')).toBe('2026-11-01T07:00:00+0000');
    expect(startOf('2026-11-02')).toBe('2026-11-02T08:00:00+0000');
  });

  it('put an instant in the Pacific day it falls in', () => {
    expect(bucketDayOf(Date.parse('2026-01-16T07:59:59Z'))).toBe(day('2026-01-15'));
    expect(bucketDayOf(Date.parse('2026-01-16T08:00:00Z'))).toBe(day('2026-01-16'));
    expect(bucketDayOf(Date.parse('2026-07-16T06:59:59Z'))).toBe(day('2026-07-15'));
    expect(bucketDayOf(Date.parse('2026-07-16T07:00:00Z'))).toBe(day('2026-07-16'));
  });
});
