import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import type { GraphPage, IgComment } from '../../../src/instagram/index.js';
import {
  accountOf,
  clientFor,
  collect,
  FakeClock,
  startFake,
  VERSION,
  type TestClient,
} from '../../support/graph-client.js';

describe('Graph API client and access tokens', () => {
  const clock = new FakeClock();
  let api: FakeGraphApi;
  let t: TestClient;
  const seen: string[] = [];

  beforeAll(async () => {
    api = await startFake(clock, { accounts: 4, media: 12, comments: 3, maxExpansionItems: 400 });
    t = clientFor(api, clock);
  });
  afterAll(async () => {
    t.client.close();
    await api.close();
  });

  const capture = async (run: () => Promise<unknown>) => {
    try {
      seen.push(JSON.stringify(await run()));
    } catch (error) {
      const e = error as Error;
      seen.push(e.message, String(e.stack), JSON.stringify(e));
    }
  };

  it('never lets a token into a URL, a log line, a metric or an error, even on failures', async () => {
    const [a, b, d] = [accountOf(api, 0), accountOf(api, 1), accountOf(api, 3)];
    api.faults.add({ kind: 'http5xx', times: 1 });
    api.faults.add({ kind: 'badPage', times: 1, match: { path: '/media' } });
    api.faults.add({
      kind: 'throttle',
      times: 1,
      regainMinutes: 2,
      match: { igUserId: b.igUserId },
    });
    await capture(() =>
      collect(t.client.listMedia(a, { pageSize: 12, withComments: { limit: 50 } })),
    );
    await capture(() => collect(t.client.listMedia(d, { withInsights: ['reach', 'likes'] })));
    await capture(() => t.client.getProfile(b));
    await capture(() => t.client.checkToken(a.igUserId, b.accessToken));
    await capture(() => t.client.checkToken(a.igUserId, 'EAAB-made-up-token'));
    api.mutate.expireToken(b.igUserId);
    await capture(() => t.client.getProfile(b));
    await capture(() =>
      collect(t.client.listComments(b, api.data.account(b.igUserId).media[0]!.id)),
    );

    const logs = t.logs();
    expect(logs).toMatch(/retrying/);
    expect(logs).toMatch(/halving page sizes/);
    expect(logs).toMatch(/simpler form/);
    const everything = [logs, JSON.stringify(t.calls), ...seen, JSON.stringify(api.requests)].join(
      '\n',
    );
    for (const account of api.data.accounts) expect(everything).not.toContain(account.accessToken);
    expect(everything).not.toContain('EAAB-made-up-token');
    expect(everything).not.toMatch(/access_token/);
  });

  it('follows a paging URL that names another host and a token on the configured host only', async () => {
    const a = accountOf(api, 0);
    const busy = api.data.account(a.igUserId).media.find((m) => m.comments.length > 10)!;
    const next = `https://graph.example.invalid/${VERSION}/${busy.id}/comments?access_token=${a.accessToken}&limit=5&fields=id`;
    const before = api.requests.length;
    const edge: GraphPage<IgComment> = { data: [], paging: { next } };
    const pages = [];
    for await (const page of t.client.continueEdge(a, edge, 'comments')) {
      pages.push(page);
      expect(page.paging?.next ?? '').not.toContain(a.accessToken);
      if (pages.length === 2) break;
    }
    expect(pages[0]?.data.map((c) => c.id)).toEqual(busy.comments.slice(0, 5).map((c) => c.id));
    expect(api.requests[before]).toMatchObject({
      path: `/${VERSION}/${busy.id}/comments`,
      query: { limit: '5', fields: 'id' },
    });
  });
});
