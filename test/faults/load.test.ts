import { afterAll, describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server.js';
import { spawnServiceProcess, type ServiceProcess } from '../support/service-process.spawn.js';
import { eventually, within } from '../support/waiting.js';
import { createFakeGraphApi, type FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import { graphqlAt } from './support/graphql-http.js';
import { startLoad } from './support/start-load.js';
import { percentile, subscriberLoad } from './support/subscriber-load.js';

const LOAD_MS = 60_000;
const SUBSCRIBERS = 200;
const STARTS_PER_SECOND = 20;
const ACCOUNTS = 20;
/** Heap growth allowed after the load and a GC: generous, a leak per event or socket exceeds it. */
const HEAP_SLACK_BYTES = 50 * 1024 * 1024;
const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

describe('load: 200 subscribers and 20 starts a second for 60 s on one API process', () => {
  let redis: PrivateRedis | undefined;
  let db: TestDatabase | undefined;
  let fake: FakeGraphApi | undefined;
  let api: ServiceProcess | undefined;
  let worker: ServiceProcess | undefined;
  afterAll(async () => {
    await api?.kill();
    await worker?.kill();
    await fake?.close();
    await db?.drop();
    await redis?.destroy();
  });

  it('loses or reorders no event for any subscriber, and the API heap returns near its baseline', async () => {
    redis = await startPrivateRedis();
    db = await createTestDatabase('mysql');
    fake = await createFakeGraphApi({ accounts: ACCOUNTS, media: 3, comments: 2, seed: 71 });
    api = spawnServiceProcess(
      {
        ROLE: 'api',
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        IG_GRAPH_API_URL: fake.url,
        REDIS_URL: redis.url,
        SYNC_QUEUE_CAPACITY: '10',
      },
      ['--expose-gc'],
    );
    const url = (await within(api.ready, 'the API process to start', 30_000))!;
    const gql = graphqlAt(url);
    for (const [index, account] of fake.data.accounts.entries()) {
      const connected = await gql(
        'mutation($input: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $input) { userNo } }',
        {
          input: {
            userNo: index + 1,
            igUserId: account.igUserId,
            accessToken: account.accessToken,
          },
        },
      );
      expect(connected.errors).toBeUndefined();
    }
    // The worker in a process of its own too: the test process is busy with 200 sockets.
    worker = spawnServiceProcess({
      ROLE: 'worker',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      IG_GRAPH_API_URL: fake.url,
      REDIS_URL: redis.url,
      SYNC_CONCURRENCY: '10',
      LOCK_LIFETIME_MS: '10000',
    });
    await within(worker.ready, 'the worker process to start', 30_000);
    const wsUrl = `${url.replace('http', 'ws')}/graphql`;
    // Warm-up (one start, one subscriber), so the baseline holds what any first request loads.
    const warmUp = await startLoad(gql, { perSecond: 1, durationMs: 1000, userNos: [1] }).done;
    await subscriberLoad(wsUrl, 1, () => warmUp.created[0], Date.now() + 1);
    const baseline = await api.memory();

    const until = Date.now() + LOAD_MS;
    const starts = startLoad(gql, {
      perSecond: STARTS_PER_SECOND,
      durationMs: LOAD_MS,
      userNos: Array.from({ length: ACCOUNTS }, (_, i) => i + 1),
    });
    // Subscribers follow the newest runs (some already over: those replay from the store).
    const pickRun = () => {
      const recent = starts.tally.created.slice(-5);
      return recent[Math.floor(Math.random() * recent.length)];
    };
    const followedP = subscriberLoad(wsUrl, SUBSCRIBERS, pickRun, until);
    const tally = await starts.done;
    const followed = await within(followedP, 'every subscription to end', 120_000);

    expect(tally.unexpected).toEqual([]);
    expect(tally.created.length).toBeGreaterThan(0);
    expect(followed.length).toBeGreaterThan(SUBSCRIBERS);
    const runIds = [...new Set(followed.map((f) => f.executionId))];
    const rows = await db.sequelize.query<{ run_id: number; seq: number }>(
      `SELECT run_id, seq FROM sync_events WHERE run_id IN (${runIds.map(Number).join(',')}) ORDER BY run_id, seq`,
      { type: QueryTypes.SELECT },
    );
    const stored = new Map<string, number[]>();
    for (const row of rows)
      stored.set(String(row.run_id), [...(stored.get(String(row.run_id)) ?? []), Number(row.seq)]);
    const wrong = followed.filter(
      (f) => JSON.stringify(f.seqs) !== JSON.stringify(stored.get(f.executionId)),
    );
    expect(wrong).toEqual([]);

    // Every run ends, then the sockets are gone: the heap should hold what it held before.
    await eventually(
      async () => {
        const [active] = await db!.sequelize.query<{ n: number }>(
          "SELECT COUNT(*) AS n FROM sync_runs WHERE status IN ('QUEUED', 'RUNNING')",
          { type: QueryTypes.SELECT },
        );
        return Number(active!.n) === 0 ? true : undefined;
      },
      120_000,
      500,
    );
    const after = await api.memory();
    const latencies = followed.flatMap((f) => f.liveLatenciesMs);
    console.log(
      [
        `load: ${tally.created.length + tally.deduplicated + tally.queueFull} starts in ${LOAD_MS / 1000} s`,
        `(${tally.created.length} created, ${tally.deduplicated} deduplicated, ${tally.queueFull} QUEUE_FULL);`,
        `${followed.length} subscriptions by ${SUBSCRIBERS} subscribers over ${runIds.length} runs,`,
        `${followed.reduce((n, f) => n + f.seqs.length, 0)} events received;`,
        `live delivery latency p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms (${latencies.length} live events);`,
        `API heap after GC ${MB(baseline.heapUsed)} MB before, ${MB(after.heapUsed)} MB after;`,
        `RSS ${MB(baseline.rss)} MB before, ${MB(after.rss)} MB after`,
      ].join(' '),
    );
    expect(after.heapUsed).toBeLessThan(baseline.heapUsed + HEAP_SLACK_BYTES);
  }, 300_000);
});
