import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  collectEvents,
  startAuthenticatedService,
  type TestService,
} from '../../support/service.js';
import { tokens } from '../../support/tokens.js';

const RUN = `query($id: ID!) { batchExecution(id: $id) { status steps { name failures { userNo error } } } }`;
const RUNS = `{ batchExecutions { edges { node { id targetUserNo } } } }`;

interface RunView {
  status: string;
  steps: Array<{ name: string; failures: Array<{ userNo: number }> }>;
}

describe.each(TEST_ENGINES)('what a user sees of an all-accounts run on %s', (engine) => {
  let service: TestService;
  let executionId: string;
  const admin = { authorization: `Bearer ${tokens.admin()}` };
  const user1 = { authorization: `Bearer ${tokens.user(1)}` };

  beforeAll(async () => {
    service = await startAuthenticatedService(engine);
    // Account 2's token dies: its failure belongs to user 2 alone.
    service.fake.mutate.revokeToken(service.fake.data.accounts[1]!.igUserId);
    const own = await service.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(userNo: 1, months: 1) { executionId } }',
      {},
      user1,
    );
    expect(own.errors).toBeUndefined();
    const all = await service.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(months: 1) { executionId } }',
      {},
      admin,
    );
    executionId = all.data!.startInstagramSync.executionId;
    await collectEvents(service.ws(admin), executionId, 0);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it("the admin sees the other account's failure", async () => {
    const run = await service.gql<{ batchExecution: RunView }>(RUN, { id: executionId }, admin);
    expect(run.data!.batchExecution.status).toBe('COMPLETED_WITH_ERRORS');
    const failed = run.data!.batchExecution.steps.flatMap((s) => s.failures.map((f) => f.userNo));
    expect(failed).toContain(2);
  });

  it('user 1 reads the run without user 2’s failures, and lists only runs that include it', async () => {
    const run = await service.gql<{ batchExecution: RunView }>(RUN, { id: executionId }, user1);
    expect(run.errors).toBeUndefined();
    expect(run.data!.batchExecution.steps.flatMap((s) => s.failures)).toEqual([]);
    const list = await service.gql<{
      batchExecutions: { edges: Array<{ node: { targetUserNo: number | null } }> };
    }>(RUNS, {}, user1);
    const targets = list.data!.batchExecutions.edges.map((e) => e.node.targetUserNo);
    expect(targets.sort()).toEqual([1, null]);
  });

  it('user 1 watches the run without user 2’s ACCOUNT_FAILED events, in order', async () => {
    const seen = await collectEvents(service.ws(user1), executionId, 0);
    const all = await collectEvents(service.ws(admin), executionId, 0);
    expect(all.filter((e) => e.type === 'ACCOUNT_FAILED').map((e) => e.userNo)).toContain(2);
    expect(seen).toEqual(all.filter((e) => !(e.type === 'ACCOUNT_FAILED' && e.userNo !== 1)));
    expect(seen.at(-1)!.type).toBe('RUN_COMPLETED');
  });
});
