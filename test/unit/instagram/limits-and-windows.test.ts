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

  it('lets the process’s first call of a kind go alone: the others start once it has ended', async () => {
    const limits = new LimitMemory();
    const started: string[] = [];
    let endFirst!: () => void;
    const first = limits.firstOf('media', async () => {
      started.push('first');
      await new Promise<void>((resolve) => (endFirst = resolve));
      limits.remember('a', 'media', 1);
    });
    const second = limits.firstOf('media', async () => {
      started.push(`second after ${limits.get('b', 'media')} halving`);
    });
    await limits.firstOf('comments', async () => {
      started.push('comments');
    });
    expect(started).toEqual(['first', 'comments']);
    endFirst();
    await Promise.all([first, second]);
    expect(started).toEqual(['first', 'comments', 'second after 1 halving']);
    await limits.firstOf('media', async () => {
      started.push('later');
    });
    expect(started.at(-1)).toBe('later');
  });

  it('waits for a first call that is held up no longer than its bound, and not after it failed', async () => {
    const limits = new LimitMemory(50);
    const first = limits.firstOf('media', () => new Promise<void>(() => {}));
    const startedAt = Date.now();
    await limits.firstOf('media', async () => {});
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
    void first;

    const other = new LimitMemory();
    await expect(
      other.firstOf('media', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await expect(other.firstOf('media', async () => 'asked')).resolves.toBe('asked');
  });
});
