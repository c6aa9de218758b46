import { describe, expect, it } from '@jest/globals';
import { syncWindow } from '../../../src/sync/sync-window.js';

describe('the sync window', () => {
  it('starts at the start of today in Seoul, the given calendar months back', () => {
    // 2026-03-31 01:30 in Seoul is 2026-03-30 16:30 UTC.
    const window = syncWindow(1, 'Asia/Seoul', new Date('2026-03-30T16:30:00Z'));
    expect(window.startDay).toBe('2026-02-28');
    expect(window.endDay).toBe('2026-03-31');
    expect(window.start.toISOString()).toBe('2026-02-27T15:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-03-30T16:30:00.000Z');
  });

  it('spans twelve months back for the longest manual sync', () => {
    const window = syncWindow(12, 'Asia/Seoul', new Date('2026-11-27T03:00:00Z'));
    expect(window.startDay).toBe('2025-11-27');
  });

  it('follows the configured zone, not the machine zone', () => {
    const window = syncWindow(6, 'America/Los_Angeles', new Date('2026-11-27T03:00:00Z'));
    expect(window.endDay).toBe('2026-11-26');
    expect(window.startDay).toBe('2026-05-26');
    expect(window.start.toISOString()).toBe('2026-05-26T07:00:00.000Z');
  });
});
