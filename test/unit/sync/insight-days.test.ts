import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  bucketStart,
  coveringWindows,
  dayOfEndTime,
  daysFrom,
  insightToday,
} from '../../../src/sync/steps/insight-days.js';

describe("Instagram's insight days", () => {
  it('maps a value ending at 07:00 UTC to the day before, and one ending at 08:00 UTC (Pacific standard time) too', () => {
    expect(dayOfEndTime('2025-06-02T07:00:00+0000')).toBe('2025-06-01');
    expect(dayOfEndTime('2025-12-02T08:00:00+0000')).toBe('2025-12-01');
  });

  it('asks for a day from 07:00 UTC of its date, the start of its bucket', () => {
    expect(bucketStart('2025-06-01').toISOString()).toBe('2025-06-01T07:00:00.000Z');
    expect(dayOfEndTime(bucketStart(addDays('2025-06-01', 1)).toISOString())).toBe('2025-06-01');
  });

  it('takes today from the UTC−07:00 calendar, not from UTC', () => {
    expect(insightToday(new Date('2026-11-21T06:59:59Z'))).toBe('2026-11-20');
    expect(insightToday(new Date('2026-11-21T07:00:00Z'))).toBe('2026-11-21');
  });

  it('lists days across month and year ends, and none for a reversed range', () => {
    expect(daysFrom('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(daysFrom('2026-01-02', '2026-01-01')).toEqual([]);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('covers scattered days with as few windows of at most 30 days as possible', () => {
    const days = [...daysFrom('2026-01-01', '2026-03-01'), '2026-05-01'];
    const windows = coveringWindows(days, 30);
    expect(windows.map((w) => [w[0], w.at(-1)])).toEqual([
      ['2026-01-01', '2026-01-30'],
      ['2026-01-31', '2026-03-01'],
      ['2026-05-01', '2026-05-01'],
    ]);
    expect(coveringWindows(['2026-01-01', '2026-01-29'], 30)).toHaveLength(1);
    expect(coveringWindows(['2026-01-01', '2026-01-31'], 30)).toHaveLength(2);
  });
});
