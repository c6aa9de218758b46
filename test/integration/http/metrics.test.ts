import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';
import { FakeClock } from '../../support/fake-clock.js';
import { scrapeMetrics, samplesOf, sumOf, type Sample } from '../../support/metrics-text.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';
import { eventually } from '../../support/waiting.js';

const START = 'mutation { startInstagramSync(months: 1) { executionId } }';
const STEPS = ['profile', 'media', 'comments', 'insights'];

async function runToTheEnd(service: TestService, headers: Record<string, string> = {}) {
  const launch = await service.gql<{ startInstagramSync: { executionId: string } }>(
    START,
    {},
    headers,
  );
  if (launch.errors) throw new Error(JSON.stringify(launch.errors));
  return collectEvents(service.ws(), launch.data!.startInstagramSync.executionId);
}

/** Follows every run's events until the returned function is called. */
function follow(client: Client): () => void {
  return client.subscribe(
    { query: 'subscription { batchProgress { seq } }' },
    { next: () => {}, error: () => {}, complete: () => {} },
  );
}

describe('/metrics after a completed run', () => {
  let service: TestService;
  let metrics: Sample[];

  beforeAll(async () => {
    service = await startTestService({
      engine: 'sqlite',
      fake: { accounts: 2, media: 4, comments: 2 },
    });
    await service.connectAll();
    await runToTheEnd(service);
    metrics = await scrapeMetrics(service.url);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('counts runs by status from the database, every status present', () => {
    expect(sumOf(metrics, 'instagram_sync_runs', { status: 'COMPLETED' })).toBeGreaterThanOrEqual(
      1,
    );
    const statuses = samplesOf(metrics, 'instagram_sync_runs').map((s) => s.labels.status);
    expect(statuses.sort()).toEqual(
      ['CANCELLED', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'QUEUED', 'RUNNING'].sort(),
    );
    expect(sumOf(metrics, 'instagram_sync_runs', { status: 'RUNNING' })).toBe(0);
  });

  it('observes each of the four steps once, and each account attempt at each step', () => {
    for (const step of STEPS) {
      expect(
        sumOf(metrics, 'instagram_sync_step_duration_seconds_count', {
          step,
          outcome: 'COMPLETED',
        }),
      ).toBe(1);
      expect(
        sumOf(metrics, 'instagram_sync_account_step_duration_seconds_count', {
          step,
          outcome: 'completed',
        }),
      ).toBe(2);
    }
  });

  it('labels Graph API calls by path template, never by an id', () => {
    const calls = samplesOf(metrics, 'instagram_sync_graph_api_calls_total');
    expect(
      sumOf(metrics, 'instagram_sync_graph_api_calls_total', {
        endpoint: '/{ig-user-id}',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0);
    expect(
      sumOf(metrics, 'instagram_sync_graph_api_calls_total', {
        endpoint: '/{ig-user-id}/insights',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0);
    const ids = service.fake.data.accounts.map((a) => a.igUserId);
    for (const sample of calls) {
      expect(sample.labels.endpoint).toMatch(/^(\/(\{[a-z-]+\}|[a-z_]+))+$/);
      for (const id of ids) expect(sample.labels.endpoint).not.toContain(id);
    }
    expect(
      sumOf(metrics, 'instagram_sync_graph_api_call_seconds_count', { endpoint: '/{ig-user-id}' }),
    ).toBeGreaterThan(0);
  });

  it('counts the rows each table received', () => {
    for (const table of ['ig_profiles', 'ig_profile_snapshots', 'ig_media', 'ig_comments'])
      expect(sumOf(metrics, 'instagram_sync_rows_upserted_total', { table })).toBeGreaterThan(0);
    expect(
      sumOf(metrics, 'instagram_sync_rows_upserted_total', { table: 'ig_account_insights' }),
    ).toBeGreaterThan(0);
  });

  it('shows the queue of every job this service defines, empty once the run is over', () => {
    const run = samplesOf(metrics, 'instagram_sync_queue_jobs', {
      agenda_job: 'instagram-sync-run',
    });
    expect(run.map((s) => s.labels.state).sort()).toEqual(['queued', 'running']);
    expect(
      sumOf(metrics, 'instagram_sync_queue_jobs', { agenda_job: 'instagram-sync-account-step' }),
    ).toBe(0);
  });

  it('counts live subscribers up as graphql-ws clients follow batchProgress, and down as they leave', async () => {
    const live = async () =>
      sumOf(await scrapeMetrics(service.url), 'instagram_sync_live_subscribers');
    await eventually(async () => ((await live()) === 0 ? true : undefined));
    const first = service.ws();
    const second = service.ws();
    const unsubscribe = follow(first);
    follow(second);
    await eventually(async () => ((await live()) === 2 ? true : undefined));
    unsubscribe();
    await eventually(async () => ((await live()) === 1 ? true : undefined));
    await second.dispose();
    await eventually(async () => ((await live()) === 0 ? true : undefined));
  });

  it('keeps Node process metrics', () => {
    expect(samplesOf(metrics, 'process_cpu_seconds_total')).toHaveLength(1);
    expect(samplesOf(metrics, 'nodejs_eventloop_lag_p99_seconds')).toHaveLength(1);
  });
});

describe('/metrics while Instagram throttles an account', () => {
  let service: TestService;

  beforeAll(async () => {
    const clock = new FakeClock();
    service = await startTestService({
      engine: 'sqlite',
      fake: { accounts: 1, media: 2, comments: 1 },
      // Virtual time for the client: the two-minute block costs no real time.
      app: { graph: { sleep: clock.sleep, now: clock.now, random: clock.random } },
    });
    await service.connectAll();
    service.fake.faults.add({ kind: 'throttle', regainMinutes: 2, times: 1 });
    await runToTheEnd(service);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('counts the wait for the blocked account and the seconds it lasted', async () => {
    const metrics = await scrapeMetrics(service.url);
    expect(sumOf(metrics, 'instagram_sync_graph_api_calls_total', { outcome: 'throttled' })).toBe(
      1,
    );
    const reason = { reason: 'account_blocked' };
    expect(sumOf(metrics, 'instagram_sync_graph_api_throttle_waits_total', reason)).toBe(1);
    expect(sumOf(metrics, 'instagram_sync_graph_api_throttle_wait_seconds_total', reason)).toBe(
      120,
    );
    expect(sumOf(metrics, 'instagram_sync_runs', { status: 'COMPLETED' })).toBe(1);
  });
});

// On MariaDB: the scrape-time reads (GROUP BY status, Agenda's overview) on the other engine.
describe('/metrics of an API process on MariaDB whose runs wait for a worker', () => {
  const METRICS_TOKEN = 'scraper-token-0123456789';
  const admin = { authorization: `Bearer ${tokens.admin()}` };
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      engine: 'mysql',
      fake: { accounts: 1, media: 2, comments: 1 },
      env: { ROLE: 'api', AUTH_JWT_SECRET: TEST_JWT_SECRET, METRICS_TOKEN },
    });
    await service.connectAll(admin);
    const launch = await service.gql(START, {}, admin);
    expect(launch.errors).toBeUndefined();
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('shows the queued run and its queued job to a scraper presenting METRICS_TOKEN', async () => {
    const metrics = await scrapeMetrics(service.url, {
      authorization: `Bearer ${METRICS_TOKEN}`,
    });
    expect(sumOf(metrics, 'instagram_sync_runs', { status: 'QUEUED' })).toBe(1);
    expect(
      sumOf(metrics, 'instagram_sync_queue_jobs', {
        agenda_job: 'instagram-sync-run',
        state: 'queued',
      }),
    ).toBe(1);
  });

  it('refuses anyone else but an admin', async () => {
    const get = (authorization?: string) =>
      fetch(`${service.url}/metrics`, { headers: authorization ? { authorization } : {} });
    expect((await get()).status).toBe(401);
    expect((await get('Bearer not-the-metrics-token-xx')).status).toBe(401);
    expect((await get(`Bearer ${tokens.user(1)}`)).status).toBe(403);
    expect((await get(admin.authorization)).status).toBe(200);
  });
});
