import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, testClock, type ErrorReply, type Page } from './support/test-client.js';

interface Comment {
  id: string;
  replies?: Page<{ id: string; parent_id?: string }>;
}
interface Media {
  id: string;
  comments?: Page<Comment>;
  insights?: Page<{ name: string; values: { value: number }[] }>;
}

let api: FakeGraphApi;
let tiny: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  const now = testClock('2026-06-15T12:00:00Z').now;
  api = await createFakeGraphApi({ accounts: 4, media: 12, comments: 4, now });
  tiny = await createFakeGraphApi({
    accounts: 1,
    media: 12,
    comments: 4,
    now,
    maxExpansionItems: 100,
  });
  account = api.data.accounts[0] as FakeAccount;
});

afterAll(async () => {
  await Promise.all([api.close(), tiny.close()]);
});

const COMMENT_FIELDS = 'id,text,timestamp,username,like_count,replies{id,text,parent_id}';
const expand = (media: string, comments: string) =>
  `id,username,media.limit(${media}){id,comments_count,comments.limit(${comments}){${COMMENT_FIELDS}},insights.metric(reach,views,likes)}`;

describe('field expansion', () => {
  it('nests comments, replies and insights under each media, every edge with its own paging', async () => {
    const reply = await call<{ media: Page<Media> }>(api, account.igUserId, {
      token: account.accessToken,
      query: { fields: expand('5', '3') },
    });
    const media = reply.body.media.data;
    expect(media.map((m) => m.id)).toEqual(account.media.slice(0, 5).map((m) => m.id));
    expect(new URL(reply.body.media.paging?.next ?? '').pathname).toBe(
      `/v25.0/${account.igUserId}/media`,
    );
    const big = media[2];
    const truth = account.media[2];
    expect(big?.comments?.data.map((c) => c.id)).toEqual(
      truth?.comments.slice(0, 3).map((c) => c.id),
    );
    const next = new URL(big?.comments?.paging?.next ?? '');
    expect(next.pathname).toBe(`/v25.0/${truth?.id}/comments`);
    expect(next.searchParams.get('limit')).toBe('3');
    expect(big?.insights?.data.find((i) => i.name === 'likes')?.values[0]?.value).toBe(
      truth?.like_count,
    );
  });

  it('continues a nested comments page at its own next URL', async () => {
    const reply = await call<{ media: Page<Media> }>(api, account.igUserId, {
      token: account.accessToken,
      query: { fields: expand('3', '50') },
    });
    const next = reply.body.media.data[2]?.comments?.paging?.next ?? '';
    const page = await call<Page<Comment>>(api, next, { token: account.accessToken });
    expect(page.body.data.map((c) => c.id)).toEqual(
      account.media[2]?.comments.slice(50, 100).map((c) => c.id),
    );
  });

  it('leaves out an empty comments edge and keeps replies nested under their comment', async () => {
    const reply = await call<{ media: Page<Media> }>(api, account.igUserId, {
      token: account.accessToken,
      query: { fields: expand('4', '50') },
    });
    expect(reply.body.media.data[3]).not.toHaveProperty('comments');
    const thread = reply.body.media.data[2]?.comments?.data.find((c) => c.replies);
    expect(thread?.replies?.data.every((r) => r.parent_id === thread.id)).toBe(true);
  });

  it('refuses media.limit(100) with comments.limit(50) with code 1, but accepts limit 50', async () => {
    const tooBig = await call<ErrorReply>(api, account.igUserId, {
      token: account.accessToken,
      query: { fields: expand('100', '50') },
    });
    expect(tooBig.status).toBe(500);
    expect(tooBig.body.error).toMatchObject({
      code: 1,
      message: "Please reduce the amount of data you're asking for, then retry your request",
    });
    const fine = await call(api, account.igUserId, {
      token: account.accessToken,
      query: { fields: expand('50', '50') },
    });
    expect(fine.status).toBe(200);
  });

  it('applies the same limit to expansions on the /media edge', async () => {
    const fields = `id,comments.limit(50){${COMMENT_FIELDS}}`;
    const path = `${account.igUserId}/media`;
    const tooBig = await call<ErrorReply>(api, path, {
      token: account.accessToken,
      query: { fields, limit: '100' },
    });
    expect(tooBig.body.error.code).toBe(1);
    const fine = await call<Page<Media>>(api, path, {
      token: account.accessToken,
      query: { fields, limit: '50' },
    });
    expect(fine.body.data[2]?.comments?.data).toHaveLength(50);
  });

  it('lets maxExpansionItems move the threshold', async () => {
    const owner = tiny.data.accounts[0] as FakeAccount;
    const reply = await call<ErrorReply>(tiny, owner.igUserId, {
      token: owner.accessToken,
      query: { fields: expand('10', '10') },
    });
    expect(reply.body.error.code).toBe(1);
  });

  it('fails a whole page whose media include one posted before the business conversion', async () => {
    const converted = api.data.accounts[3] as FakeAccount;
    const old = converted.media.findIndex((m) => m.preConversion);
    expect(old).toBeGreaterThanOrEqual(0);
    const reply = await call<ErrorReply>(api, `${converted.igUserId}/media`, {
      token: converted.accessToken,
      query: { fields: 'id,insights.metric(reach)', limit: '100' },
    });
    expect(reply.body.error).toMatchObject({ code: 100, error_subcode: 2108006 });
  });
});
