import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, testClock, VERSION, type ErrorReply, type Page } from './support/test-client.js';

let api: FakeGraphApi;
let first: FakeAccount;
let second: FakeAccount;
let third: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({
    accounts: 3,
    media: 3,
    comments: 1,
    now: testClock('2026-06-15T12:00:00Z').now,
  });
  [first, second, third] = api.data.accounts as [FakeAccount, FakeAccount, FakeAccount];
});

afterAll(() => api.close());

const onInstagram = (path: string) => `${api.instagramUrl}/${VERSION}/${path}`;

interface PageRow {
  id: string;
  name?: string;
  instagram_business_account?: { id: string };
}

describe('the Facebook-Login host: /me/accounts', () => {
  it("lists only the token's own Page by default", async () => {
    const reply = await call<Page<PageRow>>(api, 'me/accounts', {
      token: third.accessToken,
      query: { fields: 'instagram_business_account' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual([
      { id: expect.any(String), instagram_business_account: { id: third.igUserId } },
    ]);
  });

  it('lists every Page a token was given, and a Page without an Instagram account has no such field', async () => {
    api.mutate.setTokenPages(first.igUserId, [first.igUserId, null, second.igUserId]);
    const reply = await call<Page<PageRow>>(api, 'me/accounts', {
      token: first.accessToken,
      query: { fields: 'id,instagram_business_account' },
    });
    expect(reply.body.data.map((p) => p.instagram_business_account?.id ?? null)).toEqual([
      first.igUserId,
      null,
      second.igUserId,
    ]);
    expect(new Set(reply.body.data.map((p) => p.id)).size).toBe(3);
    expect(reply.body.data[1]).not.toHaveProperty('instagram_business_account');
  });

  it('lists no Pages for a token given none', async () => {
    api.mutate.setTokenPages(second.igUserId, []);
    const reply = await call<Page<PageRow>>(api, 'me/accounts', { token: second.accessToken });
    expect(reply.body.data).toEqual([]);
  });
});

describe('the Instagram-Login host (under /instagram)', () => {
  it('answers /me with user_id, the professional account id, and the app-scoped id', async () => {
    const reply = await call<Record<string, unknown>>(api, onInstagram('me'), {
      token: third.accessToken,
      query: { fields: 'user_id,username' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id: third.appScopedId,
      user_id: third.igUserId,
      username: third.profile.username,
    });
  });

  it('has no /me/accounts edge', async () => {
    const reply = await call<ErrorReply>(api, onInstagram('me/accounts'), {
      token: third.accessToken,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe(2500);
  });

  it('has no /debug_token', async () => {
    const reply = await call<ErrorReply>(api, onInstagram('debug_token'), {
      token: third.accessToken,
      query: { input_token: third.accessToken },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe(2500);
  });

  it('keeps paging links on the Instagram host', async () => {
    const reply = await call<Page>(api, onInstagram(`${third.igUserId}/media`), {
      token: third.accessToken,
      query: { limit: '1' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.paging?.next?.startsWith(`${api.instagramUrl}/${VERSION}/`)).toBe(true);
  });

  it('records the request with its host prefix', () => {
    expect(api.requests.some((r) => r.path === `/instagram/${VERSION}/me`)).toBe(true);
  });
});
