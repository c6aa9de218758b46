import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';
import { spawnServiceProcess, type ServiceProcess } from '../../support/service-process.spawn.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';
import { within } from '../../support/waiting.js';

describe('a worker process (ROLE=worker)', () => {
  let db: TestDatabase;
  let worker: ServiceProcess;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    worker = spawnServiceProcess({
      ROLE: 'worker',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      IG_GRAPH_API_URL: 'http://127.0.0.1:9',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
    });
    url = await within(worker.ready, 'the worker process to start', 60_000);
  }, 70_000);
  afterAll(async () => {
    await worker?.kill();
    await db?.drop();
  });

  it('answers /healthz and /readyz for its health check', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves its own metrics to an admin only', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${tokens.admin()}` },
    });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('# TYPE instagram_sync_graph_api_calls_total counter');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('serves nothing else: no GraphQL, no REST', async () => {
    for (const path of ['/graphql', '/api/v1/batch/instagram/status']) {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: `Bearer ${tokens.admin()}` },
      });
      expect(response.status).toBe(404);
    }
  });

  it('exits 0 on SIGTERM', async () => {
    expect(await within(worker.terminate(), 'the worker to exit', 20_000)).toBe(0);
  });
});
