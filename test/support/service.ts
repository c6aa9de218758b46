import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { pino } from 'pino';
import {
  createFakeGraphApi,
  type FakeGraphApi,
  type FakeGraphApiOptions,
} from '@instagram-sync/fake-instagram-graph-api';
import { startApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { Engine } from '../../src/db/connection.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { TEST_JWT_SECRET, tokens } from './tokens.js';

export interface TestService {
  db: TestDatabase;
  fake: FakeGraphApi;
  app: App;
  url: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
  /** A graphql-ws client on the service (closed by `stop`), sending `connectionParams`. */
  ws(connectionParams?: Record<string, unknown>): Client;
  /** Connects every account of the fake as userNo 1, 2, 3, … (as `headers` say who asks). */
  connectAll(headers?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

export interface GqlResult<T> {
  data: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/** Extra environment for the service, on top of the test database and the fake's URL. */
export interface ServiceOptions {
  engine: Engine;
  fake?: FakeGraphApiOptions;
  env?: Record<string, string>;
  app?: AppOptions;
  /** Reuse a database (a second process on the same run). */
  db?: TestDatabase;
  sharedFake?: FakeGraphApi;
}

/** The real service (HTTP, WebSocket, Agenda, steps) on a fresh database, against the fake. */
export async function startTestService(options: ServiceOptions): Promise<TestService> {
  const db = options.db ?? (await createTestDatabase(options.engine));
  const fake =
    options.sharedFake ??
    (await createFakeGraphApi({ accounts: 3, media: 20, comments: 6, seed: 7, ...options.fake }));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    DATA_DIR: db.dataDir,
    IG_GRAPH_API_URL: fake.url,
    IG_INSTAGRAM_API_URL: fake.instagramUrl,
    IG_MAX_RETRIES: '2',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await startApp(config, {
    logger: pino({ level: 'silent' }),
    lockLifetimeMs: 10_000,
    processEveryMs: 300,
    graph: { sleep: async () => {}, random: () => 0 },
    ...options.app,
  });
  const url = app.url!;
  const clients: Client[] = [];
  const gql = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult<T>;
  };
  return {
    db,
    fake,
    app,
    url,
    gql,
    ws(connectionParams) {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams,
      });
      clients.push(client);
      return client;
    },
    async connectAll(headers = {}) {
      for (const [index, account] of fake.data.accounts.entries()) {
        const result = await gql(
          'mutation($input: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $input) { userNo } }',
          {
            input: {
              userNo: index + 1,
              igUserId: account.igUserId,
              accessToken: account.accessToken,
            },
          },
          headers,
        );
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      }
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.stop();
      if (!options.sharedFake) await fake.close();
      if (!options.db) await db.drop();
    },
  };
}

export interface ProgressEvent {
  executionId: string;
  seq: number;
  type: string;
  step: string | null;
  status: string;
  message: string | null;
  userNo: number | null;
  progress: { done: number; total: number; items: number } | null;
  at: string;
}

export const PROGRESS_FIELDS =
  'executionId seq type step status message userNo at progress { done total items }';

/** Collects a run's events until the subscription completes (after the run's final event). */
export function collectEvents(
  client: Client,
  executionId: string,
  afterSeq: number | null = 0,
): Promise<ProgressEvent[]> {
  const events: ProgressEvent[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<{ batchProgress: ProgressEvent }>(
      {
        query: `subscription($id: ID, $after: Int) { batchProgress(executionId: $id, afterSeq: $after) { ${PROGRESS_FIELDS} } }`,
        variables: { id: executionId, after: afterSeq },
      },
      {
        next: (message) => {
          if (message.errors) reject(new Error(JSON.stringify(message.errors)));
          else if (message.data) events.push(message.data.batchProgress);
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
}

/** The service with authentication on (TEST_JWT_SECRET), its fake's 2 accounts connected by an admin. */
export async function startAuthenticatedService(engine: Engine): Promise<TestService> {
  const service = await startTestService({
    engine,
    fake: { accounts: 2, media: 4, comments: 2 },
    env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
  });
  await service.connectAll({ authorization: `Bearer ${tokens.admin()}` });
  return service;
}
