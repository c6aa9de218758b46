import { afterAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeGraphApi } from '../src/index.js';
import { testClock } from './support/test-client.js';

const NOW = '2026-06-15T12:00:00Z';
const opened: FakeGraphApi[] = [];

async function fake(seed: number, accounts = 2, media = 12): Promise<FakeGraphApi> {
  const api = await createFakeGraphApi({
    seed,
    accounts,
    media,
    comments: 5,
    now: testClock(NOW).now,
  });
  opened.push(api);
  return api;
}

afterAll(async () => {
  await Promise.all(opened.map((api) => api.close()));
});

describe('the generated data set', () => {
  it('is identical for the same seed, sizes and clock, comments included', async () => {
    const [a, b] = await Promise.all([fake(7), fake(7)]);
    expect(JSON.stringify(a.data.accounts)).toEqual(JSON.stringify(b.data.accounts));
  });

  it('generates the same comments whichever media is read first', async () => {
    const [a, b] = await Promise.all([fake(7), fake(7)]);
    const forward = (a.data.accounts[1]?.media ?? []).map((m) => m.comments);
    const backward = [...(b.data.accounts[1]?.media ?? [])].reverse().map((m) => m.comments);
    expect(JSON.stringify(backward.reverse())).toBe(JSON.stringify(forward));
  });

  it('differs in ids, tokens and captions for another seed', async () => {
    const [a, b] = await Promise.all([fake(7), fake(8)]);
    const [first, other] = [a.data.accounts[0], b.data.accounts[0]];
    expect(first?.igUserId).not.toEqual(other?.igUserId);
    expect(first?.accessToken).not.toEqual(other?.accessToken);
    expect(first?.media.map((m) => m.caption)).not.toEqual(other?.media.map((m) => m.caption));
  });

  it('gives account 0 the edge cases: a 2,200-character caption, 300+ comments, none, a carousel and a reel', async () => {
    const api = await fake(3, 1, 10);
    const media = api.data.accounts[0]?.media ?? [];
    expect(Array.from(media[1]?.caption ?? '')).toHaveLength(2200);
    expect(media[2]?.comments.length).toBeGreaterThanOrEqual(300);
    expect(media[3]?.comments).toEqual([]);
    expect(media[3]?.comments_count).toBe(0);
    expect(media[4]?.media_type).toBe('CAROUSEL_ALBUM');
    expect(media[4]?.children?.length).toBeGreaterThanOrEqual(2);
    expect(media[5]).toMatchObject({ media_type: 'VIDEO', media_product_type: 'REELS' });
    expect(media[5]?.permalink).toContain('/reel/');
  });

  it('writes Korean text with multi-codepoint emoji in captions and comments', async () => {
    const api = await fake(3, 1, 10);
    const media = api.data.accounts[0]?.media ?? [];
    const text = media.map((m) => m.caption + m.comments.map((c) => c.text).join(' ')).join(' ');
    expect(text).toMatch(/[가-힣]/);
    expect(text).toMatch(/👨‍👩‍👧|👩🏻‍💻|🏳️‍🌈|🇰🇷|👍🏽/u);
  });

  it('lists media newest first over the last ~24 months, the newest within two days', async () => {
    const api = await fake(5, 1, 40);
    const times = (api.data.accounts[0]?.media ?? []).map((m) =>
      Date.parse(m.timestamp.replace('+0000', 'Z')),
    );
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const now = Date.parse(NOW);
    expect(now - (times[0] ?? 0)).toBeLessThan(2 * 86_400_000 + 600_000);
    expect(now - (times[times.length - 1] ?? 0)).toBeGreaterThan(90 * 86_400_000);
    expect(now - Math.min(...times)).toBeLessThan(730 * 86_400_000);
    expect(api.data.accounts[0]?.media[0]?.timestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/,
    );
  });

  it('counts replies in comments_count and keeps every list newest first', async () => {
    const api = await fake(9, 1, 12);
    for (const media of api.data.accounts[0]?.media ?? []) {
      const replies = media.comments.reduce((n, c) => n + c.replies.length, 0);
      expect(media.comments_count).toBe(media.comments.length + replies);
      const stamps = media.comments.map((c) => c.timestamp);
      expect([...stamps].sort().reverse()).toEqual(stamps);
      for (const comment of media.comments) {
        expect(comment.replies.every((r) => r.parent_id === comment.id)).toBe(true);
      }
    }
  });

  it('varies media counts between accounts but keeps the asked size for the first', async () => {
    const api = await fake(11, 6, 20);
    const counts = api.data.accounts.map((a) => a.media.length);
    expect(counts[0]).toBe(20);
    expect(new Set(counts).size).toBeGreaterThan(1);
    expect(api.data.accounts.map((a) => a.profile.media_count)).toEqual(counts);
  });
});
