import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, testClock, type Page } from './support/test-client.js';

let api: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  const now = testClock('2026-06-15T12:00:00Z').now;
  api = await createFakeGraphApi({ accounts: 1, media: 130, comments: 3, now });
  account = api.data.accounts[0] as FakeAccount;
});

afterAll(() => api.close());

type Item = { id: string; timestamp?: string };
const get = (path: string, query: Record<string, string> = {}) =>
  call<Page<Item>>(api, path, { token: account.accessToken, query });

/** Follows `paging.next` to the end; returns every page. */
async function walk(first: Page<Item>): Promise<Page<Item>[]> {
  const pages = [first];
  for (let page = first; page.paging?.next;) {
    page = (await call<Page<Item>>(api, page.paging.next, { token: account.accessToken })).body;
    pages.push(page);
  }
  return pages;
}

describe('cursor paging', () => {
  it('pages media 25 at a time by default and drops next on the last page', async () => {
    const pages = await walk((await get(`${account.igUserId}/media`)).body);
    expect(pages.map((p) => p.data.length)).toEqual([25, 25, 25, 25, 25, 5]);
    expect(pages.flatMap((p) => p.data.map((m) => m.id))).toEqual(account.media.map((m) => m.id));
    expect(pages[5]?.paging?.next).toBeUndefined();
    expect(pages[5]?.paging?.previous).toBeDefined();
    expect(pages[0]?.paging?.cursors.after).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('caps a media page at 100', async () => {
    const page = (await get(`${account.igUserId}/media`, { limit: '500' })).body;
    expect(page.data).toHaveLength(100);
    expect(new URL(page.paging?.next ?? '').searchParams.get('limit')).toBe('500');
  });

  it('goes back a page with the before cursor', async () => {
    const first = (await get(`${account.igUserId}/media`, { limit: '10' })).body;
    const second = (
      await get(`${account.igUserId}/media`, {
        limit: '10',
        after: first.paging?.cursors.after ?? '',
      })
    ).body;
    const back = (
      await get(`${account.igUserId}/media`, {
        limit: '10',
        before: second.paging?.cursors.before ?? '',
      })
    ).body;
    expect(back.data.map((m) => m.id)).toEqual(first.data.map((m) => m.id));
  });

  it('pages top-level comments newest first, at most 50 a page', async () => {
    const media = account.media[2];
    const first = (await get(`${media?.id}/comments`, { limit: '80', fields: 'id,timestamp' }))
      .body;
    expect(first.data).toHaveLength(50);
    const pages = await walk(first);
    const ids = pages.flatMap((p) => p.data.map((c) => c.id));
    expect(ids).toEqual(media?.comments.map((c) => c.id));
    expect(pages[pages.length - 1]?.paging?.next).toBeUndefined();
  });

  it('pages replies on /{comment-id}/replies, 25 by default', async () => {
    const thread = account.media[2]?.comments.find((c) => c.replies.length === 30);
    const first = (await get(`${thread?.id}/replies`)).body;
    expect(first.data).toHaveLength(25);
    expect(Object.keys(first.data[0] ?? {})).toEqual(['timestamp', 'text', 'id']);
    const pages = await walk(first);
    expect(pages.flatMap((p) => p.data.map((r) => r.id))).toEqual(thread?.replies.map((r) => r.id));
  });

  it('filters media by since/until, in Unix seconds or as dates', async () => {
    const since = Date.parse('2026-01-01T00:00:00Z');
    const until = Date.parse('2026-03-01T00:00:00Z');
    const expected = account.media
      .filter((m) => {
        const ms = Date.parse(m.timestamp.replace('+0000', 'Z'));
        return ms >= since && ms <= until;
      })
      .map((m) => m.id);
    const byUnix = await walk(
      (
        await get(`${account.igUserId}/media`, {
          since: `${since / 1000}`,
          until: `${until / 1000}`,
        })
      ).body,
    );
    const byDate = await walk(
      (await get(`${account.igUserId}/media`, { since: '2026-01-01', until: '2026-03-01' })).body,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(byUnix.flatMap((p) => p.data.map((m) => m.id))).toEqual(expected);
    expect(byDate.flatMap((p) => p.data.map((m) => m.id))).toEqual(expected);
  });

  it('puts the token in next links only when it came in the query', async () => {
    const path = `${account.igUserId}/media`;
    const viaHeader = (await get(path)).body.paging?.next ?? '';
    const viaQuery =
      (await call<Page>(api, path, { token: account.accessToken, via: 'query' })).body.paging
        ?.next ?? '';
    expect(new URL(viaHeader).searchParams.has('access_token')).toBe(false);
    expect(new URL(viaQuery).searchParams.get('access_token')).toBe(account.accessToken);
  });

  it('answers an empty page with data only', async () => {
    const reply = await get(`${account.igUserId}/media`, { since: '2030-01-01' });
    expect(reply.body).toEqual({ data: [] });
  });
});
