import { afterAll, describe, expect, it } from '@jest/globals';
import { recordEvents } from '../support/event-recorder.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server.js';
import { expectCompletedLog, expectRunCompleted, startSync } from '../support/run-outcome.js';
import { startTestService, type TestService } from '../support/service.js';
import { stepAccounts } from '../support/step-accounts.js';
import { storedSeqs } from '../support/stored-events.js';
import { expectStoredAsFake } from '../support/synced-data.js';
import { eventually, within } from '../support/waiting.js';

/** At least this long, and until events were stored meanwhile. */
const OUTAGE_MS = 5_000;

describe('Redis outage: the event bus server stopped mid-run', () => {
  let redis: PrivateRedis | undefined;
  let service: TestService | undefined;
  afterAll(async () => {
    await service?.stop();
    await redis?.destroy();
  });

  it('events keep being stored, the run completes, and subscribers (one throughout, one reconnecting with afterSeq) miss nothing', async () => {
    redis = await startPrivateRedis();
    service = await startTestService({
      engine: 'mysql',
      fake: { accounts: 3, media: 40, comments: 20, seed: 61, latencyMs: 50 },
      env: { REDIS_URL: redis.url },
    });
    const { sequelize } = service.db;
    await service.connectAll();
    const executionId = await startSync(service);
    const throughout = recordEvents(service.ws(), executionId, 0);
    const leaving = service.ws();
    const beforeOutage = recordEvents(leaving, executionId, 0);
    await eventually(async () => {
      const rows = await stepAccounts(sequelize, executionId, `status = 'running'`);
      return rows.some((r) => r.step === 'profile') ? true : undefined;
    });

    await redis.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    await leaving.dispose();
    const lastSeen = beforeOutage.events.at(-1)?.seq ?? 0;
    const storedAtStop = (await storedSeqs(sequelize, executionId)).length;
    // Events keep being stored while nothing can be published.
    await eventually(async () => {
      const stored = await storedSeqs(sequelize, executionId);
      return stored.length >= storedAtStop + 5 ? true : undefined;
    });
    const reconnected = recordEvents(service.ws(), executionId, lastSeen);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageEnds - Date.now())));
    await redis.start();

    const all = await within(throughout.done, 'the run to end after the outage', 90_000);
    const rest = await within(reconnected.done, 'the reconnected subscriber to end', 30_000);
    const stored = await storedSeqs(sequelize, executionId);
    expectCompletedLog(all);
    expect(all.map((e) => e.seq)).toEqual(stored);
    expect(rest.map((e) => e.seq)).toEqual(stored.filter((seq) => seq > lastSeen));
    const run = await expectRunCompleted(service, executionId);
    await expectStoredAsFake(service, service.fake.data.accounts, new Date(run.windowStart));
  }, 180_000);
});
