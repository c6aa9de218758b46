import { afterAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { startPrivateMariadb, type PrivateMariadb } from '../support/mariadb-server.js';
import { expectRunCompleted, getRun, startSync } from '../support/run-outcome.js';
import { startTestService, type TestService } from '../support/service.js';
import { stepAccounts } from '../support/step-accounts.js';
import { expectStoredAsFake } from '../support/synced-data.js';
import { eventually } from '../support/waiting.js';

const OUTAGE_MS = 10_000;
const readyz = async (service: TestService) => (await fetch(`${service.url}/readyz`)).status;

describe('MariaDB outage: the database server stopped for 10 s mid-run', () => {
  let mariadb: PrivateMariadb | undefined;
  let db: TestDatabase | undefined;
  let service: TestService | undefined;
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
    await mariadb?.destroy();
  });

  it('the run completes, /readyz answers 503 meanwhile and recovers by itself, the data equals the fake', async () => {
    mariadb = await startPrivateMariadb();
    db = await createTestDatabase('mysql', { mysqlUrl: mariadb.url });
    service = await startTestService({
      engine: 'mysql',
      db,
      fake: { accounts: 3, media: 40, comments: 20, seed: 51, latencyMs: 50 },
    });
    await service.connectAll();
    const executionId = await startSync(service);
    await eventually(async () => {
      const rows = await stepAccounts(db!.sequelize, executionId, `status = 'running'`);
      return rows.some((r) => r.step === 'profile') ? true : undefined;
    });

    await mariadb.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    expect(await readyz(service)).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, outageEnds - Date.now()));
    expect(await readyz(service)).toBe(503);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    await mariadb.start();

    await eventually(async () => ((await readyz(service!)) === 200 ? true : undefined));
    const final = await eventually(
      async () => {
        const run = await getRun(service!, executionId);
        return ['QUEUED', 'RUNNING'].includes(run.status) ? undefined : run;
      },
      90_000,
      250,
    );
    // Outcome chosen by the service, not by a restart: the account steps the outage broke are
    // retried by their jobs once the pool reconnects, and the same run completes.
    expect(final.status).toBe('COMPLETED');
    const rows = await stepAccounts(db.sequelize, executionId);
    expect(rows.filter((r) => r.status !== 'completed')).toEqual([]);
    const run = await expectRunCompleted(service, executionId);
    await expectStoredAsFake(service, service.fake.data.accounts, new Date(run.windowStart));
  }, 180_000);
});
