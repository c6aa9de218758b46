import { describe, expect, it } from '@jest/globals';
import { assertInsightWindow, splitInsightWindows } from '../../../src/instagram/insight-window.js';
import { LimitMemory, scaleLimits } from '../../../src/instagram/limit.memory.js';

const DAY = 86_400_000;

describe('page size reduction', () => {
  const params = { limit: '100', fields: 'id,comments.limit(50){id,replies{id}}', after: 'c1' };

  it('halves the outer page size first, then the nested one, keeping the cursor', () => {
    expect(scaleLimits(params, 1)).toEqual({ ...params, limit: '50' });
    expect(scaleLimits(params, 2)).toEqual({
      ...params,
      limit: '50',
      fields: 'id,comments.limit(25){id,replies{id}}',
    });
    expect(scaleLimits(params, 3).limit).toBe('25');
  });

  it('never goes below one item', () => {
    expect(scaleLimits(params, 40)).toEqual({
      ...params,
      limit: '1',
      fields: 'id,comments.limit(1){id,replies{id}}',
    });
  });
});

describe('remembered page size reductions', () => {
  it('starts an account that learnt nothing from what the others learnt for that kind, then from its own', () => {
    const limits = new LimitMemory();
    expect(limits.get('a', 'media')).toBe(0);
    limits.remember('a', 'media', 1);
    limits.remember('b', 'media', 1);
    limits.remember('c', 'media', 4);
    // One account with huge threads does not shrink every new account's pages.
    expect(limits.get('new', 'media')).toBe(1);
    expect(limits.get('c', 'media')).toBe(4);
    expect(limits.get('new', 'comments')).toBe(0);
    limits.remember('new', 'media', 3);
    expect(limits.get('new', 'media')).toBe(3);
    expect(limits.get('newer', 'media')).toBe(1);
  });

  it('takes the lower of two middle counts and never forgets a larger count for an account', () => {
    const limits = new LimitMemory();
    limits.remember('a', 'media', 2);
    limits.remember('b', 'media', 3);
    expect(limits.get('new', 'media')).toBe(2);
    limits.remember('b', 'media', 1);
    expect(limits.get('b', 'media')).toBe(3);
  });
});

describe('account insight windows', () => {
  const since = new Date('2026-05-01T07:00:00Z');

  it('accepts 30 days and refuses 31 or a reversed window before any call', () => {
    expect(() =>
      assertInsightWindow({ since, until: new Date(since.getTime() + 30 * DAY) }),
    ).not.toThrow();
    expect(() =>
      assertInsightWindow({ since, until: new Date(since.getTime() + 31 * DAY) }),
    ).toThrow(/exceeds Instagram's 30-day limit/);
    expect(() => assertInsightWindow({ since, until: since })).toThrow(/empty or reversed/);
  });

  it('splits six months into consecutive windows of at most 29 days', () => {
    const until = new Date(since.getTime() + 183 * DAY);
    const windows = splitInsightWindows({ since, until });
    expect(windows).toHaveLength(7);
    expect(windows[0]!.since).toEqual(since);
    expect(windows.at(-1)!.until).toEqual(until);
    for (let i = 1; i < windows.length; i++)
      expect(windows[i]!.since).toEqual(windows[i - 1]!.until);
    for (const w of windows)
      expect(w.until.getTime() - w.since.getTime()).toBeLessThanOrEqual(29 * DAY);
  });
});
