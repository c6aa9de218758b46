/**
 * The fake Instagram Graph API: a real HTTP server on 127.0.0.1 that answers like the
 * Graph API for the endpoints this service calls, over a deterministic data set, with
 * fault injection and state changes for tests, the demo and the benchmark.
 *
 * ```ts
 * const api = await createFakeGraphApi({ accounts: 2, media: 20, seed: 7 });
 * const [account] = api.data.accounts;
 * await fetch(`${api.url}/v25.0/${account.igUserId}?fields=username`, {
 *   headers: { Authorization: `Bearer ${account.accessToken}` },
 * });
 * await api.close();
 * ```
 */
import { generateDataset } from './dataset.generator.js';
import { createMutations } from './fake-mutations.js';
import type { FakeGraphApi, FakeGraphApiOptions, RecordedRequest } from './fake-graph-api.types.js';
import { FaultRegistry } from './fault-control.js';
import { INSTAGRAM_HOST_PREFIX } from './graph-host.js';
import { GraphServer } from './graph-server.js';
import { UsageMeter } from './usage-meter.js';

export type * from './fake-graph-api.types.js';

export const FAKE_GRAPH_DEFAULTS = {
  port: 0,
  seed: 1,
  accounts: 3,
  media: 30,
  comments: 10,
  callBudget: 100_000,
  latencyMs: 0,
  throttleCode: 80002,
  maxExpansionItems: 4000,
} as const;

/** Generates the data set and starts the server; `close()` stops it. */
export async function createFakeGraphApi(options: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
  const opts = { ...FAKE_GRAPH_DEFAULTS, ...options };
  if (!(opts.callBudget >= 1)) throw new Error('callBudget must be at least 1');
  const now = options.now ?? ((): Date => new Date());
  const store = generateDataset(
    { seed: opts.seed, accounts: opts.accounts, media: opts.media, comments: opts.comments },
    now,
  );
  const faults = new FaultRegistry(opts.seed);
  const requests: RecordedRequest[] = [];
  const server = new GraphServer({
    store,
    usage: new UsageMeter(opts.callBudget, opts.accounts),
    faults,
    requests,
    latencyMs: opts.latencyMs,
    throttleCode: opts.throttleCode,
    maxExpansionItems: opts.maxExpansionItems,
  });
  const url = await server.listen(opts.port, options.host, options.publicUrl);
  return {
    url,
    instagramUrl: `${url}/${INSTAGRAM_HOST_PREFIX}`,
    requests,
    data: store,
    faults,
    mutate: createMutations(store),
    close: () => server.close(),
  };
}
