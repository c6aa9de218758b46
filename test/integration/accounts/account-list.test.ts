import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from '../../support/databases.js';
import { startAuthenticatedService, type TestService } from '../../support/service.js';
import { tokens } from '../../support/tokens.js';

const LIST = `query($first: Int, $after: String) {
  instagramAccounts(first: $first, after: $after) {
    edges { cursor node { userNo igUserId status tokenStatus } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AccountList {
  instagramAccounts: {
    edges: Array<{ cursor: string; node: { userNo: number; igUserId: string; status: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe.each(TEST_ENGINES)('listing connected accounts on %s', (engine) => {
  let service: TestService;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const list = (variables: Record<string, unknown>, token: string) =>
    service.gql<AccountList>(LIST, variables, bearer(token));

  beforeAll(async () => {
    service = await startAuthenticatedService(engine);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('pages an admin through every account by userNo', async () => {
    const first = await list({ first: 1 }, tokens.admin());
    const page1 = first.data!.instagramAccounts;
    expect(page1.edges.map((e) => e.node.userNo)).toEqual([1]);
    expect(page1.pageInfo.hasNextPage).toBe(true);

    const next = await list({ first: 1, after: page1.pageInfo.endCursor }, tokens.admin());
    const page2 = next.data!.instagramAccounts;
    expect(page2.edges.map((e) => e.node)).toEqual([
      {
        userNo: 2,
        igUserId: service.fake.data.accounts[1]!.igUserId,
        status: 'active',
        tokenStatus: 'VALID',
      },
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a user only its own account', async () => {
    const mine = await list({}, tokens.user(2));
    expect(mine.data!.instagramAccounts.edges.map((e) => e.node.userNo)).toEqual([2]);
    const none = await list({}, tokens.user(9));
    expect(none.data!.instagramAccounts.edges).toEqual([]);
  });

  it('refuses a page size out of range and a cursor from elsewhere, naming the field', async () => {
    const tooMany = await list({ first: 101 }, tokens.admin());
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect(tooMany.errors?.[0]?.message).toMatch(/1 to 100/);
    const forged = await list({ after: 'bm90LWEtY3Vyc29y' }, tokens.admin());
    expect(forged.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});
