import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createFakeGraphApi, type FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import {
  accountOf,
  clientFor,
  collect,
  FakeClock,
  requestsTo,
  type TestClient,
} from '../../support/graph-client.js';

describe('Graph API client under faults', () => {
  let clock = new FakeClock();
  let api: FakeGraphApi;
  let t: TestClient;
  const start = (options: Parameters<typeof clientFor>[2] = {}) => {
    t = clientFor(api, clock, options);
    return t.client;
  };

  beforeAll(async () => {
    api = await createFakeGraphApi({
      seed: 5,
      accounts: 2,
      media: 12,
      comments: 2,
      now: () => new Date(clock.now()),
    });
  });
  beforeEach(() => {
    clock = new FakeClock();
  });
  afterEach(() => {
    api.faults.clear();
    t?.client.close();
  });
  afterAll(() => api.close());

  const outcomes = () => t.calls.map((c) => c.outcome);

  it('retries a 5xx with growing backoff and then succeeds', async () => {
    const client = start();
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'http5xx', status: 502, times: 2, match: { path: '/media' } });
    const media = (await collect(client.listMedia(account))).flat();
    expect(media).toHaveLength(api.data.account(account.igUserId).media.length);
    expect(outcomes()).toEqual(['transient', 'transient', 'ok']);
    // 1 s then 2 s ceilings, with "equal jitter" at random() = 0.5 → ¾ of each.
    expect(clock.sleeps).toEqual([750, 1500]);
  });

  it('retries a request that times out', async () => {
    const client = start({ timeoutMs: 100 });
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'timeout', times: 1, match: { igUserId: account.igUserId } });
    const profile = await client.getProfile(account);
    expect(profile.id).toBe(account.igUserId);
    expect(t.calls.map((c) => [c.outcome, c.status])).toEqual([
      ['transient', undefined],
      ['ok', 200],
    ]);
  });

  it('retries a transient Graph API error (code 2)', async () => {
    const client = start();
    const account = accountOf(api, 1);
    api.faults.add({ kind: 'transientError', times: 1 });
    await expect(client.getProfile(account)).resolves.toMatchObject({ id: account.igUserId });
    expect(outcomes()).toEqual(['transient', 'ok']);
  });

  it('retries a page whose body is cut short', async () => {
    const client = start();
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'badPage', times: 1, afterCalls: 1, match: { path: '/media' } });
    const pages = await collect(client.listMedia(account, { pageSize: 5 }));
    expect(pages.flat().map((m) => m.id)).toEqual(
      api.data.account(account.igUserId).media.map((m) => m.id),
    );
    expect(outcomes()).toEqual(['ok', 'transient', 'ok', 'ok']);
  });

  it('asks a smaller page after a page timed out, without waiting', async () => {
    const client = start({ timeoutMs: 100 });
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'timeout', times: 1, match: { path: '/media' } });
    const before = api.requests.length;
    const media = (await collect(client.listMedia(account, { pageSize: 10 }))).flat();
    expect(media).toHaveLength(api.data.account(account.igUserId).media.length);
    const asked = api.requests.slice(before).filter((r) => r.path.endsWith('/media'));
    expect(asked.slice(0, 2).map((r) => r.query.limit)).toEqual(['10', '5']);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a page that keeps timing out at the smallest size, then gives up', async () => {
    const client = start({ timeoutMs: 50, maxRetries: 2 });
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'timeout', match: { path: '/media' } });
    const before = api.requests.length;
    await expect(collect(client.listMedia(account, { pageSize: 2 }))).rejects.toMatchObject({
      kind: 'transient',
      timedOut: true,
    });
    const asked = api.requests.slice(before).filter((r) => r.path.endsWith('/media'));
    // 2 → 1 at once, then the smallest page: 1 attempt + 2 retries.
    expect(asked.map((r) => r.query.limit)).toEqual(['2', '1', '1', '1']);
  });

  it('retries code 1 "reduce the amount of data" on the profile, then asks half the fields at a time', async () => {
    const client = start({ maxRetries: 2 });
    const account = accountOf(api, 1);
    const path = `/${account.igUserId}`;
    api.faults.add({ kind: 'tooMuchData', times: 3, match: { path: new RegExp(`${path}$`) } });
    const before = api.requests.length;
    const profile = await client.getProfile(account);
    expect(profile).toMatchObject({
      id: account.igUserId,
      username: api.data.account(account.igUserId).profile.username,
      followers_count: api.data.account(account.igUserId).profile.followers_count,
    });
    const fields = api.requests.slice(before).map((r) => r.query.fields!.split(',').length);
    // Three answers of code 1 at full size (1 + 2 retries), then the two halves.
    expect(fields).toEqual([10, 10, 10, 5, 5]);
  });

  it('asks media insights a few metrics at a time while the whole list is too much', async () => {
    const client = start({ maxRetries: 0 });
    const account = accountOf(api, 0);
    const media = api.data.account(account.igUserId).media.find((m) => m.media_type === 'IMAGE')!;
    const metrics = ['reach', 'likes', 'comments', 'saved'];
    const whole = await client.getMediaInsights(account, media.id, metrics);
    api.faults.add({ kind: 'tooMuchData', times: 1, match: { path: '/insights' } });
    const split = await client.getMediaInsights(account, media.id, metrics);
    expect(split.map((i) => [i.name, i.values])).toEqual(whole.map((i) => [i.name, i.values]));
  });

  it('stops retrying an account whose retry budget is spent, while others go on', async () => {
    const client = start({ maxRetries: 3, maxRetriesPerAccount: 4 });
    const [a, b] = [accountOf(api, 0), accountOf(api, 1)];
    api.faults.add({ kind: 'http5xx', match: { igUserId: a.igUserId } });
    await expect(client.getProfile(a)).rejects.toMatchObject({ kind: 'transient' });
    const before = requestsTo(api, a.igUserId).length;
    await expect(client.getProfile(a)).rejects.toMatchObject({ kind: 'transient' });
    // One retry was left of the four: two requests, where a fresh call would make four.
    expect(requestsTo(api, a.igUserId).length - before).toBe(2);
    api.faults.add({ kind: 'http5xx', times: 2, match: { igUserId: b.igUserId } });
    await expect(client.getProfile(b)).resolves.toMatchObject({ id: b.igUserId });
  });

  it('gives up as transient after the configured retries', async () => {
    const client = start({ maxRetries: 2 });
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'http5xx', match: { path: `${account.igUserId}` } });
    const before = api.requests.length;
    await expect(client.getProfile(account)).rejects.toMatchObject({
      kind: 'transient',
      status: 500,
      code: 1,
    });
    expect(api.requests.length - before).toBe(3);
  });

  it('reports an expired token as an auth error without retrying', async () => {
    const fresh = await createFakeGraphApi({
      seed: 6,
      accounts: 1,
      media: 3,
      comments: 1,
      now: () => new Date(clock.now()),
    });
    const c = clientFor(fresh, clock);
    try {
      const account = accountOf(fresh, 0);
      fresh.faults.add({ kind: 'tokenExpired' });
      await expect(c.client.getProfile(account)).rejects.toMatchObject({
        kind: 'auth',
        code: 190,
        subcode: 463,
      });
      expect(fresh.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    } finally {
      c.client.close();
      await fresh.close();
    }
  });

  it('waits out a throttle for the regain time Instagram gives, then succeeds', async () => {
    const client = start();
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'throttle', code: 80002, regainMinutes: 7, times: 1 });
    await expect(client.getProfile(account)).resolves.toMatchObject({ id: account.igUserId });
    expect(outcomes()).toEqual(['throttled', 'ok']);
    expect(clock.sleeps).toEqual([7 * 60_000]);
  });

  it('backs off exponentially from a throttle that gives no regain time', async () => {
    const client = start();
    const account = accountOf(api, 0);
    api.faults.add({ kind: 'throttle', code: 4, regainMinutes: 0, times: 2 });
    await expect(client.getProfile(account)).resolves.toMatchObject({ id: account.igUserId });
    expect(clock.sleeps).toEqual([45_000, 90_000]);
  });

  it('fails an account throttled for longer than allowed, and stops calling it', async () => {
    const client = start({ maxThrottleWaitMs: 10 * 60_000 });
    const [a, b] = [accountOf(api, 0), accountOf(api, 1)];
    api.faults.add({ kind: 'throttle', regainMinutes: 60, match: { igUserId: a.igUserId } });
    await expect(client.getProfile(a)).rejects.toMatchObject({
      kind: 'throttled',
      igUserId: a.igUserId,
    });
    const before = requestsTo(api, a.igUserId).length;
    await expect(client.getProfile(a)).rejects.toMatchObject({ kind: 'throttled' });
    expect(requestsTo(api, a.igUserId)).toHaveLength(before);
    await expect(client.getProfile(b)).resolves.toMatchObject({ id: b.igUserId });
  });

  it('gives up once throttle waits add up to more than allowed', async () => {
    const client = start({ maxThrottleWaitMs: 10 * 60_000 });
    const account = accountOf(api, 1);
    api.faults.add({ kind: 'throttle', regainMinutes: 4, match: { igUserId: account.igUserId } });
    await expect(client.getProfile(account)).rejects.toMatchObject({
      kind: 'throttled',
      code: 80002,
    });
    expect(outcomes()).toEqual(['throttled', 'throttled', 'throttled']);
    expect(clock.sleeps).toEqual([240_000, 240_000]);
  });

  it('pauses every account when the app itself is throttled (code 4)', async () => {
    const client = start();
    const [a, b] = [accountOf(api, 0), accountOf(api, 1)];
    api.faults.add({
      kind: 'throttle',
      code: 4,
      regainMinutes: 5,
      times: 1,
      match: { igUserId: a.igUserId },
    });
    clock.holdSleepsFrom(60_000);
    const aProfile = client.getProfile(a);
    await clock.whenHeld();
    const bBefore = requestsTo(api, b.igUserId).length;
    let bDone = false;
    const bProfile = client.getProfile(b).then((p) => {
      bDone = true;
      return p;
    });
    await clock.whenHeld();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bDone).toBe(false);
    expect(requestsTo(api, b.igUserId)).toHaveLength(bBefore);
    clock.release();
    await expect(aProfile).resolves.toMatchObject({ id: a.igUserId });
    await expect(bProfile).resolves.toMatchObject({ id: b.igUserId });
  });

  it('lets other accounts proceed while one account waits out a throttle', async () => {
    const client = start();
    const [a, b] = [accountOf(api, 0), accountOf(api, 1)];
    api.faults.add({
      kind: 'throttle',
      regainMinutes: 5,
      times: 1,
      match: { igUserId: a.igUserId },
    });
    clock.holdSleepsFrom(60_000);
    let aDone = false;
    const aProfile = client.getProfile(a).then((p) => {
      aDone = true;
      return p;
    });
    await clock.whenHeld();
    const bMedia = (await collect(client.listMedia(b, { pageSize: 3 }))).flat();
    expect(bMedia.map((m) => m.id)).toEqual(api.data.account(b.igUserId).media.map((m) => m.id));
    expect(aDone).toBe(false);
    clock.release();
    await expect(aProfile).resolves.toMatchObject({ id: a.igUserId });
  });
});

describe('Graph API client pacing', () => {
  it('spaces an account’s calls out as its usage headers near 100 %', async () => {
    const clock = new FakeClock();
    const api = await createFakeGraphApi({
      seed: 5,
      accounts: 1,
      media: 10,
      comments: 1,
      callBudget: 10,
      now: () => new Date(clock.now()),
    });
    const t = clientFor(api, clock);
    try {
      const account = accountOf(api, 0);
      const pages = await collect(t.client.listMedia(account, { pageSize: 1 }));
      expect(pages).toHaveLength(10);
      // Usage after the 8th and 9th calls is 80 % and 90 %: 30 s × (5/25)² and × (15/25)².
      expect(clock.sleeps).toEqual([1_200, 10_800]);
      expect(t.calls.every((c) => c.outcome === 'ok')).toBe(true);
    } finally {
      t.client.close();
      await api.close();
    }
  });
});
