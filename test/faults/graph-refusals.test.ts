import { afterEach, describe, expect, it } from '@jest/globals';
import type { Fault } from '@instagram-sync/fake-instagram-graph-api';
import { expectAccountStoredAsFake, expectStoredAsFake } from '../support/synced-data.js';
import type { TestService } from '../support/service.js';
import { startScenarioService, syncToEnd } from './support/sync-scenario.js';

const STEPS = `query($id: ID!) { batchExecution(id: $id) {
  status steps { name status skipCount failures { userNo errorCode } } } }`;
const TOKEN = `query($u: Int!) { instagramAccount(userNo: $u) { tokenStatus } }`;

interface StepsView {
  batchExecution: {
    status: string;
    steps: Array<{
      name: string;
      status: string;
      skipCount: number;
      failures: Array<{ userNo: number; errorCode: string }>;
    }>;
  };
}

/**
 * Refusals that no retry cures: the account concerned fails (and says why), the others complete
 * with exactly the fake's data, the run ends COMPLETED_WITH_ERRORS; a skippable media error
 * skips that media only.
 */
describe('Graph API refusals (MariaDB)', () => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  const run = async (seed: number, faults: (s: TestService) => Fault[]) => {
    service = await startScenarioService('mysql', {
      fake: { accounts: 3, media: 10, comments: 4, seed },
    });
    for (const fault of faults(service)) service.fake.faults.add(fault);
    const finished = await syncToEnd(service);
    const view = await service.gql<StepsView>(STEPS, { id: finished.executionId });
    return { finished, view: view.data!.batchExecution };
  };
  const failuresOf = (view: StepsView['batchExecution']) =>
    view.steps.flatMap((s) => s.failures.map((f) => ({ step: s.name, ...f })));

  it('fails only the account whose token expires at its 6th call, marking the token INVALID', async () => {
    const { finished, view } = await run(93, (s) => [
      { kind: 'tokenExpired', atCall: 6, match: { igUserId: s.fake.data.accounts[1]!.igUserId } },
    ]);
    expect(view.status).toBe('COMPLETED_WITH_ERRORS');
    expect(failuresOf(view)).toEqual([
      { step: expect.any(String), userNo: 2, errorCode: expect.stringMatching(/^GRAPH_AUTH_190/) },
    ]);
    const token = await service!.gql<{ instagramAccount: { tokenStatus: string } }>(TOKEN, {
      u: 2,
    });
    expect(token.data!.instagramAccount.tokenStatus).toBe('INVALID');
    await expectOthersAsFake(service!, finished.run.windowStart, 1);
  });

  it.each([10, 200] as const)(
    'fails only the account refused with permission code %i on its insights',
    async (code) => {
      const { finished, view } = await run(94 + code, (s) => [
        {
          kind: 'permission',
          code,
          match: { path: `${s.fake.data.accounts[2]!.igUserId}/insights` },
        },
      ]);
      expect(view.status).toBe('COMPLETED_WITH_ERRORS');
      expect(failuresOf(view)).toEqual([
        { step: 'insights', userNo: 3, errorCode: expect.stringContaining(String(code)) },
      ]);
      await expectOthersAsFake(service!, finished.run.windowStart, 2);
    },
  );

  it('skips the media Instagram refuses insights for (2108006) and completes', async () => {
    const { finished, view } = await run(96, (s) => {
      // Posted before the business conversion: their insights fail, and with them the
      // nested insights of their media page, which is then read without; each of that
      // page's media is asked on its own, and these three refuse.
      for (const m of s.fake.data.accounts[0]!.media.slice(0, 3)) m.preConversion = true;
      return [];
    });
    expect(view.status).toBe('COMPLETED');
    const refusedMedia = new Set(
      service!.fake.requests
        .filter((r) => r.status === 400 && r.path.endsWith('/insights'))
        .map((r) => r.path),
    );
    expect(refusedMedia.size).toBeGreaterThan(0);
    expect(view.steps.find((s) => s.name === 'insights')!.skipCount).toBe(refusedMedia.size);
    await expectStoredAsFake(
      service!,
      service!.fake.data.accounts,
      new Date(finished.run.windowStart),
    );
  });

  /** Every account but the failed one holds exactly the fake's data. */
  async function expectOthersAsFake(s: TestService, windowStart: string, failedIndex: number) {
    for (const [index, account] of s.fake.data.accounts.entries()) {
      if (index === failedIndex) continue;
      await expectAccountStoredAsFake(s, account, index + 1, new Date(windowStart));
    }
  }
});
