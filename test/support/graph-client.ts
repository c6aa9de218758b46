import { Writable } from 'node:stream';
import {
  createFakeGraphApi,
  type FakeGraphApi,
  type FakeGraphApiOptions,
} from '@instagram-sync/fake-instagram-graph-api';
import { createLogger, type Logger } from '../../src/config/logger.js';
import {
  GraphApiClient,
  type GraphApiClientOptions,
  type GraphCallEvent,
  type IgAccount,
} from '../../src/instagram/index.js';
import { FakeClock } from './fake-clock.js';

export const VERSION = 'v25.0';

/** A fake Graph API sharing the test's virtual clock, so its throttles end in virtual time. */
export function startFake(
  clock: FakeClock,
  options: FakeGraphApiOptions = {},
): Promise<FakeGraphApi> {
  return createFakeGraphApi({
    seed: 11,
    accounts: 2,
    media: 12,
    comments: 4,
    now: () => new Date(clock.now()),
    ...options,
  });
}

export interface TestClient {
  client: GraphApiClient;
  clock: FakeClock;
  /** Every attempt the client reported. */
  calls: GraphCallEvent[];
  /** Everything the client logged, as pino wrote it. */
  logs: () => string;
  logger: Logger;
}

/** A client on the fake with the virtual clock, a captured debug log and recorded metrics. */
export function clientFor(
  api: FakeGraphApi,
  clock: FakeClock,
  options: GraphApiClientOptions & {
    timeoutMs?: number;
    maxRetries?: number;
    appSecret?: string;
  } = {},
): TestClient {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ logLevel: 'trace' }, sink);
  const calls: GraphCallEvent[] = [];
  const client = new GraphApiClient(
    {
      graphApi: {
        url: api.url,
        version: VERSION,
        timeoutMs: options.timeoutMs ?? 5_000,
        maxRetries: options.maxRetries ?? 3,
        appSecret: options.appSecret,
      },
    },
    {
      logger,
      metrics: { onCall: (e) => calls.push(e) },
      sleep: clock.sleep,
      now: clock.now,
      random: clock.random,
      ...options,
    },
  );
  return { client, clock, calls, logs: () => chunks.join(''), logger };
}

export function accountOf(api: FakeGraphApi, index: number): IgAccount {
  const account = api.data.accounts[index];
  if (!account) throw new Error(`no account ${index}`);
  return { igUserId: account.igUserId, accessToken: account.accessToken };
}

export async function collect<T>(pages: AsyncIterable<{ data: T[] }>): Promise<T[][]> {
  const result: T[][] = [];
  for await (const page of pages) result.push(page.data);
  return result;
}

/** Requests the fake received for this path (substring). */
export function requestsTo(api: FakeGraphApi, path: string) {
  return api.requests.filter((r) => r.path.includes(path));
}

export { FakeClock };
