import { afterEach, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';
import { eventually } from '../../support/waiting.js';
import { TEST_ENGINES } from '../../support/databases.js';

const START = `mutation($userNo: Int, $months: Int) { startInstagramSync(userNo: $userNo, months: $months) { executionId status deduplicated message } }`;
const EXECUTION = `query($id: ID!) { batchExecution(id: $id) { id status executionType restartOf
  steps { name status failures { userNo errorCode error } } } }`;
const RESTART = `mutation($id: ID!) { restartInstagramSync(executionId: $id) { executionId executionType status } }`;
const CANCEL = `mutation($id: ID!) { cancelInstagramSync(executionId: $id) { id status } }`;

interface Run {
  id: string;
  status: string;
  executionType: string;
  restartOf: string | null;
  steps: Array<{
    name: string;
    status: string;
    failures: Array<{ userNo: number; errorCode: string; error: string }>;
  }>;
}

async function start(
  service: TestService,
  variables: Record<string, unknown> = {},
): Promise<string> {
  const result = await service.gql<{ startInstagramSync: { executionId: string } }>(START, {
    months: 2,
    ...variables,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.startInstagramSync.executionId;
}

async function runOf(service: TestService, id: string): Promise<Run> {
  return (await service.gql<{ batchExecution: Run }>(EXECUTION, { id })).data!.batchExecution;
}

describe.each(TEST_ENGINES)('when things go wrong on %s', (engine) => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('a token expiring mid-run fails only that account, and a restart resumes it at the failed step', async () => {
    service = await startTestService({
      engine,
      fake: { accounts: 3, media: 12, comments: 4, seed: 5 },
    });
    await service.connectAll();
    const victim = service.fake.data.accounts[1]!;
    service.fake.faults.add({
      kind: 'tokenExpired',
      match: { igUserId: victim.igUserId, path: '/insights' },
    });

    const id = await start(service);
    const events = await collectEvents(service.ws(), id);
    const failed = events.filter((e) => e.type === 'ACCOUNT_FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ userNo: 2, step: 'insights' });
    expect(events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', status: 'COMPLETED_WITH_ERRORS' });

    const run = await runOf(service, id);
    expect(run.status).toBe('COMPLETED_WITH_ERRORS');
    expect(run.steps.map((s) => s.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
      'COMPLETED_WITH_ERRORS',
    ]);
    expect(run.steps[3]!.failures).toEqual([
      { userNo: 2, errorCode: expect.stringMatching(/^GRAPH_AUTH_190/), error: expect.any(String) },
    ]);
    expect(JSON.stringify(run)).not.toContain(victim.accessToken);

    // The user reconnects with a new token, then the operator restarts the run.
    service.fake.faults.clear();
    const accessToken = service.fake.mutate.rotateToken(victim.igUserId);
    const reconnect = await service.gql(
      'mutation($input: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $input) { status } }',
      { input: { userNo: 2, igUserId: victim.igUserId, accessToken } },
    );
    expect(reconnect).toEqual({ data: { connectInstagramAccount: { status: 'active' } } });
    const callsBefore = service.fake.requests.length;
    const restart = await service.gql<{
      restartInstagramSync: { executionId: string; executionType: string };
    }>(RESTART, { id });
    expect(restart.errors).toBeUndefined();
    const restartId = restart.data!.restartInstagramSync.executionId;
    expect(restartId).not.toBe(id);
    await collectEvents(service.ws(), restartId);

    const resumed = await runOf(service, restartId);
    expect(resumed).toMatchObject({ status: 'COMPLETED', executionType: 'restart', restartOf: id });
    expect(resumed.steps.map((s) => s.status)).toEqual([
      'SKIPPED',
      'SKIPPED',
      'SKIPPED',
      'COMPLETED',
    ]);
    const touched = new Set(
      service.fake.requests
        .slice(callsBefore)
        .map((r) => r.igUserId)
        .filter((u) => u !== undefined),
    );
    expect([...touched]).toEqual([victim.igUserId]);
  });

  it('cancel stops a running run between pages and nothing more is fetched', async () => {
    service = await startTestService({
      engine,
      fake: { accounts: 2, media: 40, comments: 20, seed: 9, latencyMs: 150 },
    });
    await service.connectAll();
    const id = await start(service, { months: 12 });
    const done = collectEvents(service.ws(), id);
    await eventually(async () =>
      (await runOf(service!, id)).status === 'RUNNING' ? true : undefined,
    );
    const cancel = await service.gql<{ cancelInstagramSync: { status: string } }>(CANCEL, { id });
    expect(cancel.errors).toBeUndefined();
    const events = await done;
    expect(events.at(-1)).toMatchObject({ type: 'RUN_CANCELLED', status: 'CANCELLED' });
    const run = await runOf(service, id);
    expect(run.status).toBe('CANCELLED');
    expect(run.steps.at(-1)!.status).toBe('PENDING');
    const calls = service.fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(service.fake.requests.length).toBe(calls);
  });

  it('a second start for the same target returns the queued or running run, saying so', async () => {
    service = await startTestService({
      engine,
      fake: { accounts: 1, media: 10, comments: 2, latencyMs: 50 },
    });
    await service.connectAll();
    const first = await service.gql<{
      startInstagramSync: { executionId: string; deduplicated: boolean };
    }>(START, { userNo: 1 });
    const second = await service.gql<{
      startInstagramSync: { executionId: string; deduplicated: boolean; message: string };
    }>(START, { userNo: 1 });
    expect(second.data!.startInstagramSync).toMatchObject({
      executionId: first.data!.startInstagramSync.executionId,
      deduplicated: true,
    });
    expect(second.data!.startInstagramSync.message).toContain(
      first.data!.startInstagramSync.executionId,
    );
    await collectEvents(service.ws(), first.data!.startInstagramSync.executionId);
  });

  it('refuses bad input with a clear error and queues nothing', async () => {
    service = await startTestService({ engine, fake: { accounts: 1, media: 2, comments: 1 } });
    await service.connectAll();
    for (const months of [0, 13, -1]) {
      const result = await service.gql(START, { months });
      expect(result.data).toBeNull();
      expect(result.errors![0]).toMatchObject({
        message: `months must be a whole number from 1 to 12; got ${months}`,
        extensions: { code: 'BAD_USER_INPUT', field: 'months' },
      });
    }
    const fractional = await service.gql(START, { months: 2.5 });
    expect(fractional.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(fractional.errors![0]!.message).toMatch(/\$months.*2\.5/);
    const unknown = await service.gql(START, { userNo: 999 });
    expect(unknown.errors![0]).toMatchObject({
      message: 'userNo 999 has no connected Instagram account',
      extensions: { code: 'NOT_FOUND', field: 'userNo' },
    });
    const runs = await service.gql<{ batchExecutions: { edges: unknown[] } }>(
      '{ batchExecutions { edges { cursor } } }',
    );
    expect(runs.data!.batchExecutions.edges).toEqual([]);
    const jobs = await service.app.agenda.queryJobs({ name: 'instagram-sync-run' });
    expect(jobs.total).toBe(0);
  });

  it('refuses the start that would make more runs wait than the queue holds', async () => {
    service = await startTestService({
      engine,
      fake: { accounts: 3, media: 30, comments: 5, latencyMs: 100 },
      env: { SYNC_CONCURRENCY: '1', SYNC_QUEUE_CAPACITY: '2' },
    });
    await service.connectAll();
    const running = await start(service, { userNo: 1 });
    await eventually(async () =>
      (await runOf(service!, running)).status === 'RUNNING' ? true : undefined,
    );
    await start(service, { userNo: 2 });
    await start(service, { userNo: 3 });
    const refused = await service.gql(START, {});
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'QUEUE_FULL' } });
    expect(refused.errors![0]!.message).toMatch(/2 runs are waiting \(capacity 2\)/);
    const status = await service.gql<{ batchStatus: { running: number; queued: number } }>(
      '{ batchStatus { running queued } }',
    );
    expect(status.data!.batchStatus).toEqual({ running: 1, queued: 2 });
    for (const userNo of [1, 2, 3]) {
      const runs = await service.gql<{
        batchExecutions: { edges: Array<{ node: { id: string } }> };
      }>('query($u: Int) { batchExecutions(userNo: $u) { edges { node { id } } } }', { u: userNo });
      await service.gql(CANCEL, { id: runs.data!.batchExecutions.edges[0]!.node.id });
    }
  });
});
