import { afterAll, describe, it } from '@jest/globals';
import { TEST_ENGINES } from '../support/databases.js';
import type { TestService } from '../support/service.js';
import { expectCompletedAsFake, startScenarioService, syncToEnd } from './support/sync-scenario.js';

// The reference every fault scenario is compared with, and the harness's own check: with no
// fault injected a run ends COMPLETED with exactly the fake's data.
describe.each(TEST_ENGINES)('clean: a run with no fault injected on %s', (engine) => {
  let service: TestService | undefined;
  afterAll(async () => {
    await service?.stop();
  });

  it("completes with exactly the fake's data", async () => {
    service = await startScenarioService(engine, {
      fake: { accounts: 3, media: 20, comments: 8, seed: 81 },
    });
    await expectCompletedAsFake(service, await syncToEnd(service));
  });
});
