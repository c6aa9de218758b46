import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  collectEvents,
  startAuthenticatedService,
  type TestService,
} from '../../support/service.js';
import { tokens } from '../../support/tokens.js';

const CONNECT = `mutation($i: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $i) { userNo igUserId } }`;
const DISCONNECT = `mutation($u: Int!, $p: Boolean) { disconnectInstagramAccount(userNo: $u, purgeData: $p) { userNo status } }`;

describe.each(TEST_ENGINES)('connecting and disconnecting accounts on %s', (engine) => {
  let service: TestService;
  const admin = { authorization: `Bearer ${tokens.admin()}` };
  const user1 = { authorization: `Bearer ${tokens.user(1)}` };
  const count = async (sql: string, igUserId: string) => {
    const [row] = await service.db.sequelize.query<{ n: number | string }>(sql, {
      replacements: [igUserId],
      type: QueryTypes.SELECT,
    });
    return Number(row!.n);
  };

  beforeAll(async () => {
    service = await startAuthenticatedService(engine);
    const all = await service.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(months: 1) { executionId } }',
      {},
      admin,
    );
    await collectEvents(service.ws(admin), all.data!.startInstagramSync.executionId, 0);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('refuses a user binding its userNo to another Instagram account (CONFLICT), storing nothing', async () => {
    const [first, second] = service.fake.data.accounts;
    const input = { userNo: 1, igUserId: second!.igUserId, accessToken: second!.accessToken };
    const refused = await service.gql(CONNECT, { i: input }, user1);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'igUserId' });
    const account = await service.gql<{ instagramAccount: { igUserId: string } }>(
      'query { instagramAccount(userNo: 1) { igUserId } }',
      {},
      user1,
    );
    expect(account.data!.instagramAccount.igUserId).toBe(first!.igUserId);
  });

  it('lets an admin rebind a userNo, and back', async () => {
    const [first, second] = service.fake.data.accounts;
    const rebind = (a: typeof first) =>
      service.gql<{ connectInstagramAccount: { igUserId: string } }>(
        CONNECT,
        { i: { userNo: 3, igUserId: a!.igUserId, accessToken: a!.accessToken } },
        admin,
      );
    expect((await rebind(first)).data!.connectInstagramAccount.igUserId).toBe(first!.igUserId);
    expect((await rebind(second)).data!.connectInstagramAccount.igUserId).toBe(second!.igUserId);
  });

  it('disconnecting keeps the synced rows; with purgeData it deletes them', async () => {
    const [first, second] = service.fake.data.accounts;
    const media = 'SELECT COUNT(*) AS n FROM ig_media WHERE ig_user_id = ?';
    expect(await count(media, first!.igUserId)).toBeGreaterThan(0);

    const kept = await service.gql(DISCONNECT, { u: 1, p: false }, user1);
    expect(kept.data).toEqual({
      disconnectInstagramAccount: { userNo: 1, status: 'disconnected' },
    });
    expect(await count(media, first!.igUserId)).toBeGreaterThan(0);
    const token =
      "SELECT COUNT(*) AS n FROM ig_accounts WHERE ig_user_id = ? AND access_token_ciphertext <> ''";
    expect(await count(token, first!.igUserId)).toBe(0);

    await service.gql(DISCONNECT, { u: 2, p: true }, admin);
    for (const table of ['ig_media', 'ig_comments', 'ig_profiles', 'ig_account_insights'])
      expect(
        await count(`SELECT COUNT(*) AS n FROM ${table} WHERE ig_user_id = ?`, second!.igUserId),
      ).toBe(0);
    expect(await count(media, first!.igUserId)).toBeGreaterThan(0);
  });
});
