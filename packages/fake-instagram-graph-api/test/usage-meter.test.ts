import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, HOUR_MS, testClock, type ErrorReply } from './support/test-client.js';

interface Buc {
  type: string;
  call_count: number;
  total_cputime: number;
  total_time: number;
  estimated_time_to_regain_access: number;
}

const clock = testClock('2026-06-15T12:00:00Z');
let api: FakeGraphApi;
let coded: FakeGraphApi;
let first: FakeAccount;
let second: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({
    accounts: 2,
    media: 2,
    comments: 1,
    callBudget: 10,
    now: clock.now,
  });
  coded = await createFakeGraphApi({
    accounts: 1,
    media: 2,
    comments: 1,
    callBudget: 1,
    throttleCode: 17,
    now: clock.now,
  });
  [first, second] = api.data.accounts as [FakeAccount, FakeAccount];
});

afterAll(async () => {
  await Promise.all([api.close(), coded.close()]);
});

const profile = (account: FakeAccount, target = api) =>
  call<ErrorReply>(target, account.igUserId, { token: account.accessToken });

function buc(headers: Headers, igUserId: string): Buc {
  const parsed = JSON.parse(headers.get('x-business-use-case-usage') ?? '{}') as Record<
    string,
    Buc[]
  >;
  return parsed[igUserId]?.[0] as Buc;
}

describe('usage headers and call budgets', () => {
  it('reports rising usage per IG account in both headers', async () => {
    const one = await profile(first);
    const two = await profile(first);
    expect(buc(one.headers, first.igUserId)).toMatchObject({
      type: 'instagram',
      call_count: 10,
      estimated_time_to_regain_access: 0,
    });
    expect(buc(two.headers, first.igUserId).call_count).toBe(20);
    const app = JSON.parse(two.headers.get('x-app-usage') ?? '{}') as Record<string, number>;
    expect(Object.keys(app)).toEqual(['call_count', 'total_cputime', 'total_time']);
    expect(app.call_count).toBe(10);
  });

  it('throttles a token at its budget with 80002 and a regain estimate, leaving other tokens alone', async () => {
    for (let i = 0; i < 8; i += 1) expect((await profile(first)).status).toBe(200);
    clock.advance(20 * 60_000);
    const refused = await profile(first);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 80002,
      type: 'OAuthException',
      is_transient: true,
    });
    expect(refused.body.error.message).toMatch(
      /^\(#80002\) There have been too many calls to this Instagram account\. Wait a bit and try again\./,
    );
    expect(buc(refused.headers, first.igUserId)).toMatchObject({
      call_count: 100,
      estimated_time_to_regain_access: 40,
    });
    expect((await profile(second)).status).toBe(200);
  });

  it('lets the token call again once its calls leave the rolling hour', async () => {
    clock.advance(HOUR_MS);
    const again = await profile(first);
    expect(again.status).toBe(200);
    expect(buc(again.headers, first.igUserId).call_count).toBe(10);
  });

  it('answers the configured throttle code', async () => {
    const owner = coded.data.accounts[0] as FakeAccount;
    await profile(owner, coded);
    const refused = await profile(owner, coded);
    expect(refused.body.error).toMatchObject({
      code: 17,
      message: '(#17) User request limit reached',
    });
  });
});
