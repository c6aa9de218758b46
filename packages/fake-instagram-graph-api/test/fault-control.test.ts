import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';

import {
  createFakeGraphApi,
  type FakeAccount,
  type FakeGraphApi,
  type ThrottleCode,
} from '../src/index.js';
import { call, testClock, VERSION, type ErrorReply } from './support/test-client.js';

let api: FakeGraphApi;
let first: FakeAccount;
let second: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({
    accounts: 2,
    media: 3,
    comments: 2,
    now: testClock('2026-06-15T12:00:00Z').now,
  });
  [first, second] = api.data.accounts as [FakeAccount, FakeAccount];
});

afterEach(() => api.faults.clear());
afterAll(() => api.close());

const profile = (account = first) =>
  call<ErrorReply>(api, account.igUserId, { token: account.accessToken });
const raw = (account = first) =>
  fetch(`${api.url}/${VERSION}/${account.igUserId}`, {
    headers: { Authorization: `Bearer ${account.accessToken}` },
  });

describe('fault injection', () => {
  it('delays matching requests behind unaffected ones', async () => {
    api.faults.add({ kind: 'latency', ms: 400, match: { igUserId: first.igUserId } });
    const order: string[] = [];
    await Promise.all([
      profile(first).then(() => order.push('slow')),
      profile(second).then(() => order.push('fast')),
    ]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('answers 500 with JSON code 1, or a 502 page, for the given number of times', async () => {
    api.faults.add({ kind: 'http5xx', times: 1 });
    const failed = await profile();
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatchObject({ code: 1, is_transient: true });
    expect((await profile()).status).toBe(200);
    api.faults.add({ kind: 'http5xx', status: 502 });
    const gateway = await raw();
    expect(gateway.status).toBe(502);
    expect(await gateway.text()).toContain('Bad Gateway');
  });

  it('never answers a timed-out request and records it unanswered', async () => {
    api.faults.add({ kind: 'timeout', match: { path: /\/media$/ } });
    const abort = new AbortController();
    const pending = fetch(`${api.url}/${VERSION}/${first.igUserId}/media`, {
      headers: { Authorization: `Bearer ${first.accessToken}` },
      signal: abort.signal,
    });
    await new Promise<void>((resolve) => {
      const check = (): void =>
        api.requests.at(-1)?.path.endsWith('/media') ? resolve() : void setTimeout(check, 5);
      check();
    });
    expect((await profile()).status).toBe(200);
    abort.abort();
    await expect(pending).rejects.toThrow();
    expect(api.requests.find((r) => r.path.endsWith('/media'))?.status).toBe(0);
  });

  it.each<[ThrottleCode, string]>([
    [4, '(#4) Application request limit reached'],
    [17, '(#17) User request limit reached'],
    [32, '(#32) Page request limit reached'],
    [613, '(#613) Calls to this api have exceeded the rate limit.'],
    [
      80002,
      '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
    ],
  ])('throttles with code %s and its real message', async (code, message) => {
    api.faults.add({ kind: 'throttle', code, regainMinutes: 7, times: 1 });
    const reply = await profile();
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code, message });
    const usage = JSON.parse(reply.headers.get('x-business-use-case-usage') ?? '{}') as Record<
      string,
      { estimated_time_to_regain_access: number }[]
    >;
    expect(usage[first.igUserId]?.[0]?.estimated_time_to_regain_access).toBe(7);
  });

  it('counts tokenExpired calls per token', async () => {
    api.faults.add({ kind: 'tokenExpired', atCall: 2 });
    expect((await profile(first)).status).toBe(200);
    expect((await profile(second)).status).toBe(200);
    expect((await profile(first)).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    expect((await profile(second)).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    api.mutate.rotateToken(first.igUserId);
    api.mutate.rotateToken(second.igUserId);
  });

  it('expires the token from the given call on, even after the fault is gone', async () => {
    const id = api.faults.add({
      kind: 'tokenExpired',
      atCall: 3,
      match: { igUserId: second.igUserId },
    });
    expect((await profile(second)).status).toBe(200);
    expect((await profile(second)).status).toBe(200);
    expect((await profile(second)).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    api.faults.remove(id);
    expect((await profile(second)).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    expect((await profile(first)).status).toBe(200);
  });

  it('sends a truncated body that is not valid JSON', async () => {
    api.faults.add({ kind: 'badPage', match: { path: '/media' }, afterCalls: 1 });
    const path = `${api.url}/${VERSION}/${first.igUserId}/media`;
    const init = { headers: { Authorization: `Bearer ${first.accessToken}` } };
    expect(JSON.parse(await (await fetch(path, init)).text())).toHaveProperty('data');
    const broken = await (await fetch(path, init)).text();
    expect(() => JSON.parse(broken)).toThrow();
  });

  it('answers a transient code 2 error', async () => {
    api.faults.add({ kind: 'transientError', times: 1 });
    const reply = await profile();
    expect(reply.body.error).toMatchObject({
      code: 2,
      is_transient: true,
      message: 'An unexpected error has occurred. Please retry your request later.',
    });
  });

  it('answers code 1 "reduce the amount of data" as Instagram words it', async () => {
    api.faults.add({ kind: 'tooMuchData', times: 1 });
    const reply = await profile();
    expect(reply.body.error).toMatchObject({
      code: 1,
      message: "Please reduce the amount of data you're asking for, then retry your request",
    });
    expect((await profile()).body.error).toBeUndefined();
  });

  it('matches by query parameters, a null one meaning the request must not carry it', async () => {
    api.faults.add({ kind: 'transientError', match: { query: { fields: 'id', limit: null } } });
    const ask = (query: Record<string, string>) =>
      call<ErrorReply>(api, first.igUserId, { token: first.accessToken, query });
    expect((await ask({ fields: 'id' })).body.error).toMatchObject({ code: 2 });
    expect((await ask({ fields: 'id', limit: '5' })).body.error).toBeUndefined();
    expect((await ask({ fields: 'username' })).body.error).toBeUndefined();
  });

  it('hits about `rate` of the matching requests, the same ones for the same seed', async () => {
    const hits = async () => {
      const id = api.faults.add({ kind: 'transientError', rate: 0.25 });
      const answers: boolean[] = [];
      for (let i = 0; i < 80; i++) answers.push((await profile()).body.error !== undefined);
      api.faults.remove(id);
      return answers;
    };
    const first = await hits();
    const share = first.filter(Boolean).length / first.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.4);
    const again = await createFakeGraphApi({ accounts: 1, media: 1, comments: 0 });
    const other = await createFakeGraphApi({ accounts: 1, media: 1, comments: 0, seed: 2 });
    try {
      const pattern = async (fake: FakeGraphApi) => {
        const account = fake.data.accounts[0]!;
        fake.faults.add({ kind: 'transientError', rate: 0.25 });
        const answers: boolean[] = [];
        for (let i = 0; i < 40; i++) {
          const reply = await call<ErrorReply>(fake, account.igUserId, {
            token: account.accessToken,
          });
          answers.push(reply.body.error !== undefined);
        }
        return answers;
      };
      const [a, b] = [await pattern(again), await pattern(other)];
      expect(await pattern(again)).not.toEqual(a); // the draws go on: a new stretch
      const fresh = await createFakeGraphApi({ accounts: 1, media: 1, comments: 0 });
      try {
        expect(await pattern(fresh)).toEqual(a);
      } finally {
        await fresh.close();
      }
      expect(b).not.toEqual(a);
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('answers a throttle with one of the given codes, each with its own message', async () => {
    api.faults.add({ kind: 'throttle', codes: [17, 613, 80002], regainMinutes: 0, times: 30 });
    const codes = new Set<number>();
    for (let i = 0; i < 30; i++) codes.add((await profile()).body.error!.code);
    expect([...codes].sort((x, y) => x - y)).toEqual([17, 613, 80002]);
  });

  it('answers permission errors 10 and 200, and 2108006 for media insights', async () => {
    api.faults.add({ kind: 'permission', times: 1 });
    expect((await profile()).body.error).toMatchObject({ code: 10, type: 'OAuthException' });
    api.faults.add({ kind: 'permission', code: 200, times: 1 });
    expect((await profile()).body.error).toMatchObject({ code: 200 });
    api.faults.add({ kind: 'skippableMedia', times: 1 });
    expect((await profile()).body.error).toMatchObject({ code: 100, error_subcode: 2108006 });
    expect((await profile()).body.error).toBeUndefined();
  });

  it('refuses a breakdown beside metrics other than follows_and_unfollows, and only that', async () => {
    api.faults.add({ kind: 'combinedBreakdown', times: 1 });
    const since = String(Date.parse('2026-06-10T07:00:00Z') / 1000);
    const until = String(Date.parse('2026-06-11T07:00:00Z') / 1000);
    const ask = (metric: string, breakdown?: string) =>
      call<ErrorReply>(api, `${first.igUserId}/insights`, {
        token: first.accessToken,
        query: {
          metric,
          period: 'day',
          metric_type: 'total_value',
          since,
          until,
          ...(breakdown ? { breakdown } : {}),
        },
      });
    // Passed untouched, and not counted against `times`.
    expect((await ask('follows_and_unfollows', 'follow_type')).body.error).toBeUndefined();
    expect((await ask('views,likes')).body.error).toBeUndefined();
    const refused = await ask('views,follows_and_unfollows', 'follow_type');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 100,
      message: '(#100) The breakdown follow_type is not supported for the metrics views',
    });
    expect((await ask('views,follows_and_unfollows', 'follow_type')).body.error).toBeUndefined();
  });
});
