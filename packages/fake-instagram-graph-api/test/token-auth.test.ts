import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, DAY_MS, testClock, type ErrorReply } from './support/test-client.js';

const clock = testClock('2026-06-15T12:00:00Z');
let api: FakeGraphApi;
let first: FakeAccount;
let second: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({ accounts: 3, media: 3, comments: 2, now: clock.now });
  [first, second] = api.data.accounts as [FakeAccount, FakeAccount];
});

afterAll(() => api.close());

const profileWith = (token: string, id = first.igUserId) => call<ErrorReply>(api, id, { token });

describe('access tokens', () => {
  it('accepts the token as Bearer, OAuth or access_token, and never records it', async () => {
    for (const via of ['bearer', 'oauth', 'query'] as const) {
      const reply = await call(api, first.igUserId, {
        token: first.accessToken,
        via,
        query: { fields: 'username' },
      });
      expect(reply.status).toBe(200);
    }
    const recorded = JSON.stringify(api.requests);
    expect(recorded).not.toContain(first.accessToken);
    expect(api.requests.at(-1)).toMatchObject({
      method: 'GET',
      query: { fields: 'username' },
      status: 200,
      igUserId: first.igUserId,
    });
  });

  it('answers an unknown token with 190 and no subcode, and a missing one with 104', async () => {
    const unknown = await profileWith('EAAGnotatoken');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
      fbtrace_id: expect.any(String),
    });
    const missing = await call<ErrorReply>(api, first.igUserId);
    expect(missing.body.error.code).toBe(104);
  });

  it("answers another account's node as missing (100/33)", async () => {
    const reply = await profileWith(first.accessToken, second.igUserId);
    expect(reply.body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
      message: expect.stringMatching(
        new RegExp(
          `^Unsupported get request\\. Object with ID '${second.igUserId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
        ),
      ),
    });
  });

  it('answers 190/460 for a revoked token and works again with a rotated one', async () => {
    const third = api.data.accounts[2] as FakeAccount;
    const old = third.accessToken;
    api.mutate.revokeToken(third.igUserId);
    expect((await profileWith(old, third.igUserId)).body.error).toMatchObject({
      code: 190,
      error_subcode: 460,
    });
    const fresh = api.mutate.rotateToken(third.igUserId);
    expect(fresh).not.toBe(old);
    expect(api.data.accountByToken(fresh)?.igUserId).toBe(third.igUserId);
    expect((await profileWith(fresh, third.igUserId)).status).toBe(200);
  });

  it('reports a token on /debug_token, valid or not', async () => {
    type Debug = {
      data: { is_valid: boolean; user_id?: string; scopes: string[]; error?: { code: number } };
    };
    const valid = await call<Debug>(api, 'debug_token', {
      token: 'app|secret',
      query: { input_token: second.accessToken },
    });
    expect(valid.body.data).toMatchObject({ is_valid: true, user_id: second.appScopedId });
    expect(valid.body.data.scopes).toContain('instagram_manage_insights');
    const invalid = await call<Debug>(api, 'debug_token', {
      token: 'app|secret',
      query: { input_token: 'nope' },
    });
    expect(invalid.body.data).toMatchObject({ is_valid: false, error: { code: 190 } });
    expect(JSON.stringify(api.requests)).not.toContain(second.accessToken);
  });

  it('answers 190/463 with the expiry time once a token has passed its 60 days', async () => {
    clock.advance(55 * DAY_MS);
    const reply = await profileWith(second.accessToken, second.igUserId);
    expect(reply.body.error).toMatchObject({
      code: 190,
      error_subcode: 463,
      type: 'OAuthException',
    });
    expect(reply.body.error.message).toMatch(
      /^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[DS]T\. The current time is \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[DS]T\.$/,
    );
  });
});
