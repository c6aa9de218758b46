import { afterEach, describe, expect, it } from '@jest/globals';
import type { Fault } from '@instagram-sync/fake-instagram-graph-api';
import { TEST_ENGINES } from '../support/databases.js';
import type { TestService } from '../support/service.js';
import { expectCompletedAsFake, startScenarioService, syncToEnd } from './support/sync-scenario.js';
import { expectInsightsAsFake } from './support/stored-insights.js';

/**
 * Faults of the Graph API, injected by the fake at random (seeded) rates. Waits are real but
 * short (backoffs of milliseconds, an HTTP timeout of 800 ms, a throttle answer's 100 % usage
 * spacing calls 50 ms apart instead of 30 s); retries as many as a deployment
 * allows at most, so a transient fault is always retried to success.
 */
const GRAPH = {
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 100,
  throttleBaseDelayMs: 50,
  maxSpacingMs: 50,
};
const ENV = { IG_MAX_RETRIES: '8', IG_HTTP_TIMEOUT_MS: '800' };
const FAKE = { accounts: 4, media: 12, comments: 5 };

/** The measured mix: 5 % 5xx, 2 % throttles, 1 % code 1, 0.5 % no answer. */
const FAULT_MIX: Fault[] = [
  { kind: 'http5xx', rate: 0.05 },
  { kind: 'throttle', codes: [80002, 17, 4, 613], regainMinutes: 0, rate: 0.02 },
  { kind: 'tooMuchData', rate: 0.01 },
  { kind: 'timeout', rate: 0.005 },
];

async function scenario(engine: 'sqlite' | 'mysql', seed: number, faults: Fault[]) {
  const service = await startScenarioService(engine, {
    fake: { ...FAKE, seed },
    env: ENV,
    app: { graph: GRAPH },
  });
  for (const fault of faults) service.fake.faults.add(fault);
  return service;
}

describe.each(TEST_ENGINES)('Graph API fault mix on %s', (engine) => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it("completes with exactly the fake's data under the measured fault mix", async () => {
    service = await scenario(engine, 91, FAULT_MIX);
    const finished = await syncToEnd(service, { timeoutMs: 120_000 });
    const failed = service.fake.requests.filter((r) => r.status !== 200).length;
    expect(failed).toBeGreaterThan(0);
    await expectCompletedAsFake(service, finished);
    for (const account of service.fake.data.accounts) await expectInsightsAsFake(service, account);
  }, 150_000);
});

describe('each Graph API fault alone at a high rate (MariaDB)', () => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it.each<[string, Fault]>([
    ['5xx (25 %)', { kind: 'http5xx', status: 503, rate: 0.25 }],
    [
      'throttles (15 %)',
      { kind: 'throttle', codes: [80002, 17, 4, 613], regainMinutes: 0, rate: 0.15 },
    ],
    ['code 1 "reduce the amount of data" (15 %)', { kind: 'tooMuchData', rate: 0.15 }],
    ['no answer (5 %)', { kind: 'timeout', rate: 0.05 }],
    ['malformed JSON pages (15 %)', { kind: 'badPage', rate: 0.15 }],
  ])(
    "completes with exactly the fake's data under %s",
    async (_name, fault) => {
      service = await scenario('mysql', 92, [fault]);
      const finished = await syncToEnd(service, { timeoutMs: 120_000 });
      expect(service.fake.requests.some((r) => r.status !== 200)).toBe(true);
      await expectCompletedAsFake(service, finished);
      for (const account of service.fake.data.accounts)
        await expectInsightsAsFake(service, account);
    },
    150_000,
  );
});
