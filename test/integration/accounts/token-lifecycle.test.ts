import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeAccount } from '@instagram-sync/fake-instagram-graph-api';
import { TEST_ENGINES } from '../../support/databases.js';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';
import { eventually } from '../../support/waiting.js';

const DAY_MS = 86_400_000;
const CONNECT = `mutation($i: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $i) { userNo } }`;
const ACCOUNT = `query($u: Int!) { instagramAccount(userNo: $u) { status tokenStatus tokenExpiresAt scopes } }`;
const REFRESH = `mutation($u: Int!) { refreshInstagramToken(userNo: $u) { userNo tokenStatus tokenExpiresAt } }`;
const SYNC = `mutation($u: Int) { startInstagramSync(userNo: $u, months: 1) { executionId } }`;

interface AccountView {
  status: string;
  tokenStatus: string;
  tokenExpiresAt: string | null;
  scopes: string[];
}

describe.each(TEST_ENGINES)('the token lifecycle on %s', (engine) => {
  let service: TestService;
  let accounts: FakeAccount[];
  // The fake's clock starts 3 days back, so an old token can expire by catching up with the
  // service's time (insight windows stay consistent once both agree again).
  let fakeNow = Date.now() - 3 * DAY_MS;
  const admin = { authorization: `Bearer ${tokens.admin()}` };
  const inSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

  const connect = (userNo: number, account: FakeAccount) =>
    service.gql(
      CONNECT,
      {
        i: { userNo, igUserId: account.igUserId, accessToken: account.accessToken },
      },
      admin,
    );
  const view = async (userNo: number) =>
    (await service.gql<{ instagramAccount: AccountView | null }>(ACCOUNT, { u: userNo }, admin))
      .data!.instagramAccount;
  const sync = async (userNo?: number) => {
    const started = await service.gql<{ startInstagramSync: { executionId: string } }>(
      SYNC,
      { u: userNo ?? null },
      admin,
    );
    const id = started.data!.startInstagramSync.executionId;
    return collectEvents(service.ws(admin), id, 0);
  };
  // Connected as Facebook Login (so debug_token records the expiry set on the fake), then
  // marked Instagram Login: an INSTAGRAM connect records no expiry (login-flavours.test.ts).
  const useInstagramLogin = (userNo: number) =>
    service.db.sequelize.query(
      "UPDATE ig_accounts SET login_type = 'INSTAGRAM' WHERE user_no = ?",
      {
        replacements: [userNo],
      },
    );

  beforeAll(async () => {
    service = await startTestService({
      engine,
      fake: { accounts: 4, media: 3, comments: 1, now: () => new Date(fakeNow) },
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
    });
    accounts = service.fake.data.accounts;
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('refuses a token that lacks required scopes at connect, naming them, and stores nothing', async () => {
    const lacking = accounts[3]!;
    service.fake.mutate.setTokenScopes(lacking.igUserId, [
      'instagram_basic',
      'instagram_manage_comments',
      'pages_show_list',
    ]);
    const refused = await connect(4, lacking);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'accessToken',
    });
    expect(refused.errors?.[0]?.message).toBe(
      'The access token lacks the permissions instagram_manage_insights, pages_read_engagement; grant them when logging in, then connect again.',
    );
    expect(await view(4)).toBeNull();
  });

  it('shows the expiry and scopes Instagram reported for the token after connect, and VALID', async () => {
    expect((await connect(1, accounts[0]!)).errors).toBeUndefined();
    const debug = await fetch(
      `${service.fake.url}/debug_token?input_token=${accounts[0]!.accessToken}`,
      {
        headers: { authorization: `Bearer ${accounts[0]!.accessToken}` },
      },
    );
    const { data } = (await debug.json()) as { data: { expires_at: number; scopes: string[] } };
    expect(await view(1)).toEqual({
      status: 'active',
      tokenStatus: 'VALID',
      tokenExpiresAt: new Date(data.expires_at * 1000).toISOString(),
      scopes: data.scopes,
    });
  });

  it('shows EXPIRING for a token that expires within 7 days', async () => {
    const soon = fakeNow + 5 * DAY_MS;
    service.fake.mutate.setTokenExpiry(accounts[1]!.igUserId, new Date(soon));
    expect((await connect(2, accounts[1]!)).errors).toBeUndefined();
    expect(await view(2)).toMatchObject({
      tokenStatus: 'EXPIRING',
      tokenExpiresAt: inSeconds(soon),
    });
  });

  it('lets only an admin refresh a token (FORBIDDEN for a user, even its own)', async () => {
    const user = { authorization: `Bearer ${tokens.user(1)}` };
    const refused = await service.gql(REFRESH, { u: 1 }, user);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refreshes an Instagram-Login token on request, and the next sync works with the new one after the old expired', async () => {
    const third = accounts[2]!;
    const oldExpiry = fakeNow + 2 * DAY_MS;
    service.fake.mutate.setTokenExpiry(third.igUserId, new Date(oldExpiry));
    expect((await connect(3, third)).errors).toBeUndefined();
    await useInstagramLogin(3);
    const oldToken = third.accessToken;

    const refreshed = await service.gql<{ refreshInstagramToken: AccountView }>(
      REFRESH,
      { u: 3 },
      admin,
    );
    expect(refreshed.errors).toBeUndefined();
    const expiresAt = Date.parse(refreshed.data!.refreshInstagramToken.tokenExpiresAt!);
    expect(Math.abs(expiresAt - (Date.now() + 60 * DAY_MS))).toBeLessThan(60_000);
    expect(refreshed.data!.refreshInstagramToken.tokenStatus).toBe('VALID');
    expect(third.accessToken).not.toBe(oldToken);

    fakeNow = Date.now();
    expect(fakeNow).toBeGreaterThan(oldExpiry);
    const events = await sync(3);
    expect(events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', status: 'COMPLETED' });
    expect((await view(3))!.tokenStatus).toBe('VALID');
  });

  it('refuses to refresh a Facebook-Login token: only a new login renews it', async () => {
    const refused = await service.gql(REFRESH, { u: 2 }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'userNo',
    });
    expect(refused.errors?.[0]?.message).toMatch(/Facebook Login/);
  });

  it('the daily token check refreshes an Instagram-Login token due to expire, and leaves the others', async () => {
    const fourth = accounts[3]!;
    service.fake.mutate.setTokenScopes(fourth.igUserId, [
      'instagram_basic',
      'instagram_manage_insights',
      'instagram_manage_comments',
      'pages_show_list',
      'pages_read_engagement',
    ]);
    service.fake.mutate.setTokenExpiry(fourth.igUserId, new Date(fakeNow + 10 * DAY_MS));
    expect((await connect(4, fourth)).errors).toBeUndefined();
    await useInstagramLogin(4);
    const before = await view(3);
    const oldToken = fourth.accessToken;

    await service.app.agenda.now('instagram-token-refresh-scheduled', {});
    const renewed = await eventually(async () => {
      const account = await view(4);
      const expiresAt = Date.parse(account?.tokenExpiresAt ?? '');
      return expiresAt > Date.now() + 59 * DAY_MS ? account : undefined;
    });
    expect(renewed?.tokenStatus).toBe('VALID');
    expect(fourth.accessToken).not.toBe(oldToken);
    expect(await view(3)).toEqual(before);
    expect((await sync(4)).at(-1)).toMatchObject({ status: 'COMPLETED' });
  });

  it('marks a revoked token INVALID after a run, skips the account in the next run, and reconnecting restores VALID', async () => {
    const first = accounts[0]!;
    service.fake.mutate.revokeToken(first.igUserId);
    expect((await sync(1)).at(-1)).toMatchObject({ type: 'RUN_FAILED', status: 'FAILED' });
    expect(await view(1)).toMatchObject({ status: 'token_invalid', tokenStatus: 'INVALID' });

    const seen = service.fake.requests.length;
    expect((await sync()).at(-1)).toMatchObject({ type: 'RUN_COMPLETED' });
    const asked = service.fake.requests.slice(seen).map((r) => r.igUserId);
    expect(asked).not.toContain(first.igUserId);
    expect(asked).toContain(accounts[2]!.igUserId);

    service.fake.mutate.rotateToken(first.igUserId);
    expect((await connect(1, first)).errors).toBeUndefined();
    expect(await view(1)).toMatchObject({ status: 'active', tokenStatus: 'VALID' });
  });
});
