import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, DAY_MS, HOUR_MS, testClock, type ErrorReply } from './support/test-client.js';

const clock = testClock('2026-06-15T12:00:00Z');
let api: FakeGraphApi;
let accounts: FakeAccount[];

beforeAll(async () => {
  api = await createFakeGraphApi({ accounts: 4, media: 2, comments: 1, now: clock.now });
  accounts = api.data.accounts;
});

afterAll(() => api.close());

interface Debug {
  data: {
    is_valid: boolean;
    scopes: string[];
    expires_at: number;
    data_access_expires_at: number;
    app_id: string;
    user_id: string;
    type: string;
  };
}
interface Refreshed {
  access_token: string;
  token_type: string;
  expires_in: number;
}

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);
const debug = (token: string) =>
  call<Debug>(api, 'debug_token', { token, query: { input_token: token } });
const refresh = (token: string, grantType = 'ig_refresh_token') =>
  call<Refreshed & ErrorReply>(api, `${api.url}/refresh_access_token`, {
    token,
    query: { grant_type: grantType },
  });

describe('token scopes and expiry', () => {
  it('reports the scopes set for a token on /debug_token, and every read scope by default', async () => {
    const [first, second] = accounts as [FakeAccount, FakeAccount];
    api.mutate.setTokenScopes(first.igUserId, ['instagram_basic', 'pages_show_list']);
    expect((await debug(first.accessToken)).body.data.scopes).toEqual([
      'instagram_basic',
      'pages_show_list',
    ]);
    expect((await debug(second.accessToken)).body.data).toMatchObject({
      is_valid: true,
      type: 'USER',
      app_id: expect.any(String),
      user_id: second.appScopedId,
      scopes: expect.arrayContaining(['instagram_basic', 'instagram_manage_insights']),
    });
  });

  it('reports the expiry set for a token, and the token stops working once it passes', async () => {
    const third = accounts[2]!;
    const expiresAt = new Date(clock.now().getTime() + 2 * DAY_MS);
    const dataAccessExpiresAt = new Date(clock.now().getTime() + 30 * DAY_MS);
    api.mutate.setTokenExpiry(third.igUserId, expiresAt, dataAccessExpiresAt);
    expect((await debug(third.accessToken)).body.data).toMatchObject({
      is_valid: true,
      expires_at: seconds(expiresAt),
      data_access_expires_at: seconds(dataAccessExpiresAt),
    });
    clock.advance(2 * DAY_MS);
    const reply = await call<ErrorReply>(api, third.igUserId, { token: third.accessToken });
    expect(reply.body.error).toMatchObject({ code: 190, error_subcode: 463 });
  });
});

describe('refreshing a long-lived token (Instagram Login)', () => {
  it('issues a new token valid 60 days, and the old one keeps working until its own expiry', async () => {
    const fourth = accounts[3]!;
    const old = fourth.accessToken;
    const oldExpiry = (await debug(old)).body.data.expires_at;
    const reply = await refresh(old);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 60 * 86_400,
    });
    const fresh = reply.body.access_token;
    expect(fresh).not.toBe(old);
    expect((await debug(fresh)).body.data.expires_at).toBe(seconds(clock.now()) + 60 * 86_400);
    expect((await call(api, fourth.igUserId, { token: old })).status).toBe(200);
    clock.advance(oldExpiry * 1000 - clock.now().getTime());
    expect((await call(api, fourth.igUserId, { token: old })).status).toBe(400);
    expect((await call(api, fourth.igUserId, { token: fresh })).status).toBe(200);
    expect(JSON.stringify(api.requests)).not.toContain(fresh);
  });

  it('refuses to refresh a token less than 24 hours old', async () => {
    const fourth = accounts[3]!;
    const young = api.mutate.rotateToken(fourth.igUserId);
    clock.advance(23 * HOUR_MS);
    const reply = await refresh(young);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 100 });
    clock.advance(HOUR_MS);
    expect((await refresh(young)).status).toBe(200);
  });

  it('refuses another grant type, and an invalid token with 190', async () => {
    const fresh = api.mutate.rotateToken(accounts[1]!.igUserId);
    expect((await refresh(fresh, 'fb_exchange_token')).body.error.code).toBe(100);
    expect((await refresh('IGQnotatoken')).body.error.code).toBe(190);
  });
});
