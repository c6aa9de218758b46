import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_MEDIA_INSIGHT_CADENCE as CADENCE,
  isInsightDue,
} from '../../../src/sync/steps/insight-cadence.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-12-02T02:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

describe('the media insights cadence', () => {
  it('asks a media never read at any age', () => {
    expect(isInsightDue(CADENCE, daysAgo(400), null, NOW)).toBe(true);
  });

  it('asks media under 7 days every run, but not twice within the hour', () => {
    expect(isInsightDue(CADENCE, daysAgo(2), daysAgo(1), NOW)).toBe(true);
    expect(isInsightDue(CADENCE, daysAgo(2), new Date(NOW.getTime() - 10 * 60_000), NOW)).toBe(
      false,
    );
  });

  it('asks media of 7 to 30 days every 3 days, a nightly run a few minutes early included', () => {
    expect(isInsightDue(CADENCE, daysAgo(10), daysAgo(2), NOW)).toBe(false);
    expect(isInsightDue(CADENCE, daysAgo(10), daysAgo(3 - 5 / 1440), NOW)).toBe(true);
  });

  it('asks older media weekly', () => {
    expect(isInsightDue(CADENCE, daysAgo(200), daysAgo(6), NOW)).toBe(false);
    expect(isInsightDue(CADENCE, daysAgo(200), daysAgo(7), NOW)).toBe(true);
  });
});
