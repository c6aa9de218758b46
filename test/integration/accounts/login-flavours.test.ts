import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeAccount } from '@instagram-sync/fake-instagram-graph-api';
import { TEST_ENGINES } from '../../support/databases.js';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';

const CONNECT = `mutation($i: ConnectInstagramAccountInput!) {
  connectInstagramAccount(input: $i) { userNo igUserId username loginType scopes }
}`;
const ACCOUNT = `query($u: Int!) { instagramAccount(userNo: $u) { igUserId loginType } }`;
const SYNC = `mutation($u: Int) { startInstagramSync(userNo: $u, months: 1) { executionId } }`;

interface Connected {
  userNo: number;
  igUserId: string;
  username: string | null;
  loginType: string;
  scopes: string[];
}

describe.each(TEST_ENGINES)('connecting with either login flavour on %s', (engine) => {
  let service: TestService;
  let accounts: FakeAccount[];
  const admin = { authorization: `Bearer ${tokens.admin()}` };

  const connect = (input: Record<string, unknown>) =>
    service.gql<{ connectInstagramAccount: Connected }>(CONNECT, { i: input }, admin);
  const storedRows = async (userNo: number) => {
    const [rows] = await service.db.sequelize.query(
      'SELECT user_no FROM ig_accounts WHERE user_no = ?',
      { replacements: [userNo] },
    );
    return rows.length;
  };

  beforeAll(async () => {
    service = await startTestService({
      engine,
      fake: { accounts: 4, media: 3, comments: 1 },
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
    });
    accounts = service.fake.data.accounts;
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('connects a Facebook-Login token without an igUserId: the account of its one Page', async () => {
    const first = accounts[0]!;
    const connected = await connect({ userNo: 1, accessToken: first.accessToken });
    expect(connected.errors).toBeUndefined();
    expect(connected.data!.connectInstagramAccount).toMatchObject({
      igUserId: first.igUserId,
      username: first.profile.username,
      loginType: 'FACEBOOK',
    });
    expect(connected.data!.connectInstagramAccount.scopes).toContain('instagram_basic');
  });

  it('refuses a token that reaches several Instagram accounts when none is named, and stores nothing', async () => {
    const [, second, third] = accounts as [FakeAccount, FakeAccount, FakeAccount];
    service.fake.mutate.setTokenPages(second.igUserId, [second.igUserId, null, third.igUserId]);
    const refused = await connect({ userNo: 2, accessToken: second.accessToken });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'igUserId',
    });
    expect(refused.errors?.[0]?.message).toBe(
      `The access token reaches 2 Instagram accounts (${second.igUserId}, ${third.igUserId}); pass igUserId to choose one.`,
    );
    expect(await storedRows(2)).toBe(0);

    const named = await connect({
      userNo: 2,
      accessToken: second.accessToken,
      igUserId: second.igUserId,
    });
    expect(named.errors).toBeUndefined();
    expect(named.data!.connectInstagramAccount.igUserId).toBe(second.igUserId);
  });

  it('refuses a Facebook-Login token whose Pages link no Instagram account, naming igUserId', async () => {
    const fourth = accounts[3]!;
    service.fake.mutate.setTokenPages(fourth.igUserId, [null]);
    const refused = await connect({ userNo: 4, accessToken: fourth.accessToken });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'igUserId',
    });
    expect(refused.errors?.[0]?.message).toMatch(/reaches no Instagram business account/);
    expect(await storedRows(4)).toBe(0);
  });

  it('connects an Instagram-Login token without an igUserId from /me on the Instagram host, without debug_token', async () => {
    const third = accounts[2]!;
    const from = service.fake.requests.length;
    const connected = await connect({
      userNo: 3,
      accessToken: third.accessToken,
      loginType: 'INSTAGRAM',
    });
    expect(connected.errors).toBeUndefined();
    expect(connected.data!.connectInstagramAccount).toEqual({
      userNo: 3,
      igUserId: third.igUserId,
      username: third.profile.username,
      loginType: 'INSTAGRAM',
      scopes: [],
    });
    const calls = service.fake.requests.slice(from).map((r) => r.path);
    expect(calls).toEqual([expect.stringMatching(/^\/instagram\/v\d+\.\d+\/me$/)]);
    const stored = await service.gql<{ instagramAccount: { loginType: string } }>(
      ACCOUNT,
      { u: 3 },
      admin,
    );
    expect(stored.data!.instagramAccount.loginType).toBe('INSTAGRAM');
  });

  it('refuses an Instagram-Login token that belongs to another account than the one named', async () => {
    const refused = await connect({
      userNo: 5,
      accessToken: accounts[2]!.accessToken,
      igUserId: accounts[0]!.igUserId,
      loginType: 'INSTAGRAM',
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'igUserId',
    });
    expect(await storedRows(5)).toBe(0);
  });

  it('syncs an Instagram-Login account end to end on the Instagram host only', async () => {
    const third = accounts[2]!;
    const from = service.fake.requests.length;
    const started = await service.gql<{ startInstagramSync: { executionId: string } }>(
      SYNC,
      { u: 3 },
      admin,
    );
    expect(started.errors).toBeUndefined();
    const events = await collectEvents(
      service.ws(admin),
      started.data!.startInstagramSync.executionId,
      0,
    );
    expect(events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', status: 'COMPLETED' });
    const calls = service.fake.requests.slice(from).filter((r) => r.igUserId === third.igUserId);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((r) => !r.path.startsWith('/instagram/'))).toEqual([]);
    // The profile call brings the first media page (field expansion), on that host too.
    expect(
      calls.some(
        (r) => r.path.endsWith(`/${third.igUserId}`) && /,media\./.test(r.query.fields ?? ''),
      ),
    ).toBe(true);
  });
});
