import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import type { IgComment } from '../../../src/instagram/index.js';
import {
  accountOf,
  clientFor,
  collect,
  FakeClock,
  requestsTo,
  startFake,
  type TestClient,
} from '../../support/graph-client.js';

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('Graph API client paging', () => {
  const clock = new FakeClock();
  let api: FakeGraphApi;
  let t: TestClient;

  beforeAll(async () => {
    api = await startFake(clock, { accounts: 2, media: 12 });
    t = clientFor(api, clock);
  });
  afterAll(async () => {
    t.client.close();
    await api.close();
  });

  it('follows next across pages and stops when next is absent, newest first', async () => {
    const account = accountOf(api, 0);
    const before = api.requests.length;
    const pages = await collect(t.client.listMedia(account, { pageSize: 5 }));
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(pages.flat().map((m) => m.id)).toEqual(ids(api.data.account(account.igUserId).media));
    expect(api.requests.length - before).toBe(3);
  });

  it('asks for at most 100 media per page whatever page size is requested', async () => {
    const account = accountOf(api, 1);
    await collect(t.client.listMedia(account, { pageSize: 500 }));
    const last = requestsTo(api, `${account.igUserId}/media`).at(-1);
    expect(last?.query.limit).toBe('100');
  });

  it('returns only media created between since and until', async () => {
    const account = accountOf(api, 0);
    const truth = api.data.account(account.igUserId).media;
    const at = (i: number) => new Date(truth[i]!.timestamp.replace('+0000', 'Z'));
    const pages = await collect(
      t.client.listMedia(account, { since: at(8), until: at(3), pageSize: 2 }),
    );
    expect(pages.flat().map((m) => m.id)).toEqual(ids(truth.slice(3, 9)));
  });

  it('continues a media’s nested comments beyond the first nested page', async () => {
    const account = accountOf(api, 0);
    const busy = api.data.account(account.igUserId).media.find((m) => m.comments.length >= 300)!;
    const seen: IgComment[] = [];
    for await (const page of t.client.listMedia(account, {
      pageSize: 25,
      withComments: { limit: 50 },
    })) {
      const media = page.data.find((m) => m.id === busy.id);
      if (!media) continue;
      expect(media.comments?.data).toHaveLength(50);
      seen.push(...(media.comments?.data ?? []));
      for await (const more of t.client.continueEdge(account, media.comments, 'comments'))
        seen.push(...more.data);
    }
    expect(ids(seen)).toEqual(ids(busy.comments));
    const thread = busy.comments.find((c) => c.replies.length === 30)!;
    const expanded = seen.find((c) => c.id === thread.id)!;
    const replies = [...(expanded.replies?.data ?? [])];
    for await (const more of t.client.continueEdge(account, expanded.replies, 'replies'))
      replies.push(...more.data);
    expect(ids(replies)).toEqual(ids(thread.replies));
  });

  it('reads comments by their own edge, from a cursor too, and a long reply thread past its nested page', async () => {
    const account = accountOf(api, 0);
    const busy = api.data.account(account.igUserId).media.find((m) => m.comments.length >= 300)!;
    const [first] = await collect(t.client.listComments(account, busy.id, { pageSize: 10 }));
    expect(ids(first!)).toEqual(ids(busy.comments.slice(0, 10)));
    let cursor: string | undefined;
    for await (const page of t.client.listComments(account, busy.id, { pageSize: 10 })) {
      cursor = page.paging?.cursors?.after;
      break;
    }
    const rest = (await collect(t.client.listComments(account, busy.id, { after: cursor }))).flat();
    expect(ids(rest)).toEqual(ids(busy.comments.slice(10)));
    const thread = busy.comments.find((c) => c.replies.length === 30)!;
    const read = [...first!, ...rest].find((c) => c.id === thread.id)!;
    const more = (await collect(t.client.continueEdge(account, read.replies, 'replies'))).flat();
    const replies = [...(read.replies?.data ?? []), ...more];
    expect(replies.map((r) => [r.id, r.parent_id])).toEqual(
      thread.replies.map((r) => [r.id, thread.id]),
    );
  });

  it('halves page sizes on code 1 "reduce the amount of data" and starts smaller next time', async () => {
    const small = await startFake(clock, { accounts: 1, media: 12, maxExpansionItems: 400 });
    const c = clientFor(small, clock);
    try {
      const account = accountOf(small, 0);
      const expand = { pageSize: 100, withComments: { limit: 50 } };
      const media = (await collect(c.client.listMedia(account, expand))).flat();
      expect(ids(media)).toEqual(ids(small.data.account(account.igUserId).media));
      const asked = small.requests.map((r) => [
        r.status,
        r.query.limit,
        /comments\.limit\((\d+)\)/.exec(r.query.fields ?? '')?.[1],
      ]);
      // 100 + 100×50 > 400 … until 6 + 6×50 = 306 fits (outer first, then nested, alternating).
      expect(asked.slice(0, 4)).toEqual([
        [500, '100', '50'],
        [500, '50', '50'],
        [500, '50', '25'],
        [500, '25', '25'],
      ]);
      const fitting = asked.find(([status]) => status === 200);
      const before = small.requests.length;
      await collect(c.client.listMedia(account, expand));
      expect(small.requests[before]).toMatchObject({ status: 200, query: { limit: fitting?.[1] } });
    } finally {
      c.client.close();
      await small.close();
    }
  });

  it('learns a page size once for all accounts: the second account’s media pages are never refused', async () => {
    // The fake's cost limit (4000) refuses media.limit(100){comments.limit(50)} for every account.
    const both = await startFake(clock, { accounts: 2, media: 12 });
    const c = clientFor(both, clock);
    try {
      const [first, second] = [accountOf(both, 0), accountOf(both, 1)];
      const expand = { pageSize: 100, withComments: { limit: 50 } };
      const mediaOf = (igUserId: string) => ids(both.data.account(igUserId).media);
      const mediaCalls = (igUserId: string) =>
        requestsTo(both, `${igUserId}/media`).map((r) => [r.status, r.query.limit]);

      expect(ids((await collect(c.client.listMedia(first, expand))).flat())).toEqual(
        mediaOf(first.igUserId),
      );
      expect(ids((await collect(c.client.listMedia(second, expand))).flat())).toEqual(
        mediaOf(second.igUserId),
      );

      expect(mediaCalls(first.igUserId)[0]).toEqual([500, '100']);
      expect(mediaCalls(first.igUserId).filter(([status]) => status !== 200)).toHaveLength(1);
      expect(mediaCalls(second.igUserId)).toEqual([[200, '50']]);
    } finally {
      c.client.close();
      await both.close();
    }
  });

  it('learns a page size once when accounts start together: one refused call in all', async () => {
    const three = await startFake(clock, { accounts: 3, media: 12 });
    const c = clientFor(three, clock);
    try {
      const accounts = [0, 1, 2].map((i) => accountOf(three, i));
      const expand = { pageSize: 100, withComments: { limit: 50 } };
      const read = await Promise.all(
        accounts.map(async (a) => ids((await collect(c.client.listMedia(a, expand))).flat())),
      );
      expect(read).toEqual(accounts.map((a) => ids(three.data.account(a.igUserId).media)));
      const refused = accounts.flatMap((a) =>
        requestsTo(three, `${a.igUserId}/media`).filter((r) => r.status !== 200),
      );
      expect(refused).toHaveLength(1);
    } finally {
      c.client.close();
      await three.close();
    }
  });

  it('reads the profile with the Graph API’s field names', async () => {
    const account = accountOf(api, 0);
    const profile = await t.client.getProfile(account);
    const truth = api.data.account(account.igUserId).profile;
    expect(profile).toMatchObject({
      id: truth.id,
      username: truth.username,
      followers_count: truth.followers_count,
      media_count: truth.media_count,
    });
  });
});
