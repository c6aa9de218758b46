import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  bucketStart,
  coveringWindows,
  dayOfEndTime,
  daysFrom,
  insightToday,
  spanOf,
} from '../../../src/sync/steps/insight-days.js';

describe("Instagram's insight days", () => {
  it('maps a bucket ending at Pacific midnight to the day it measured: 07:00 UTC in summer, 08:00 UTC in winter', () => {
    expect(dayOfEndTime('2025-06-02T07:00:00+0000')).toBe('2025-06-01');
    expect(dayOfEndTime('2026-01-16T08:00:00+0000')).toBe('2026-01-15');
    expect(dayOfEndTime('2026-03-02T08:00:00+0000')).toBe('2026-03-01');
  });

  it('asks for a day from its Pacific midnight: 07:00 UTC in summer, 08:00 UTC in winter', () => {
    expect(bucketStart('2025-06-01').toISOString()).toBe('2025-06-01T07:00:00.000Z');
    expect(bucketStart('2026-01-15').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    for (const day of ['2025-06-01', '2026-01-15', '2026-03-08', '2026-11-01'])
      expect(dayOfEndTime(spanOf(day, day).until.toISOString())).toBe(day);
  });

  it('gives the days of the March and November changes 23 and 25 hours', () => {
    const hours = (day: string) => {
      const { since, until } = spanOf(day, day);
      return (until.getTime() - since.getTime()) / 3_600_000;
    };
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(hours('2026-11-02')).toBe(24);
    expect(spanOf('2026-03-08', '2026-03-08').until.toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });

  it('takes today from the Pacific calendar, with its daylight saving, not from UTC', () => {
    expect(insightToday(new Date('2026-11-21T07:59:59Z'))).toBe('2026-11-20');
    expect(insightToday(new Date('2026-11-21T08:00:00Z'))).toBe('2026-11-21');
    expect(insightToday(new Date('2026-07-21T06:59:59Z'))).toBe('2026-07-20');
    expect(insightToday(new Date('2026-07-21T07:00:00Z'))).toBe('2026-07-21');
  });

  it('keeps a 30-day window within 30 × 24 h, so one that spans the November change gets a day less', () => {
    expect(coveringWindows(daysFrom('2026-06-01', '2026-06-30'), 30)).toHaveLength(1);
    const autumn = coveringWindows(daysFrom('2026-10-15', '2026-11-13'), 30);
    expect(autumn.map((w) => w.length)).toEqual([1, 29]);
    for (const window of autumn) {
      const { since, until } = spanOf(window[0]!, window.at(-1)!);
      expect(until.getTime() - since.getTime()).toBeLessThanOrEqual(30 * 86_400_000);
    }
    expect(coveringWindows(daysFrom('2026-03-01', '2026-03-30'), 30)).toHaveLength(1);
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

  it('covers scattered days with as few windows of at most 30 days as possible, the newest holding the last 30', () => {
    const days = ['2025-12-01', ...daysFrom('2026-01-01', '2026-03-05')];
    const windows = coveringWindows(days, 30);
    expect(windows.map((w) => [w[0], w.at(-1)])).toEqual([
      ['2025-12-01', '2025-12-01'],
      ['2026-01-01', '2026-01-04'],
      ['2026-01-05', '2026-02-03'],
      ['2026-02-04', '2026-03-05'],
    ]);
    expect(windows.flat()).toEqual(days);
    expect(coveringWindows(['2026-01-01', '2026-01-29'], 30)).toHaveLength(1);
    expect(coveringWindows(['2026-01-01', '2026-01-31'], 30)).toHaveLength(2);
    expect(coveringWindows([], 30)).toEqual([]);
  });
});
