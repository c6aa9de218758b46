import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import { GraphApiError, type GraphPage, type IgComment } from '../../../src/instagram/index.js';
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
    await capture(() => t.client.forConnect(10_000).checkToken(a.igUserId, b.accessToken));
    await capture(() => t.client.forConnect(10_000).checkToken(a.igUserId, 'EAAB-made-up-token'));
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

  it('refuses a paging URL of another origin: that host never receives a request, the token never leaves', async () => {
    const other = await otherServer();
    try {
      const a = accountOf(api, 0);
      const busy = api.data.account(a.igUserId).media.find((m) => m.comments.length > 10)!;
      const before = api.requests.length;
      for (const next of [
        `${other.url}/${VERSION}/${busy.id}/comments?access_token=${a.accessToken}&limit=5`,
        `//${other.url.slice('http://'.length)}/${VERSION}/${busy.id}/comments?limit=5`,
      ]) {
        const edge: GraphPage<IgComment> = { data: [], paging: { next } };
        const error = await collect(t.client.continueEdge(a, edge, 'comments')).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(GraphApiError);
        expect(error).toMatchObject({ kind: 'permanent', igUserId: a.igUserId });
        expect(JSON.stringify(error) + String(error)).not.toContain(a.accessToken);
      }
      expect(other.requests).toEqual([]);
      expect(api.requests.length).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('sends appsecret_proof, the HMAC-SHA256 of its own token, on every request, paging included', async () => {
    const appSecret = 'app-secret-for-proof-tests';
    const signed = clientFor(api, clock, { appSecret });
    try {
      const a = accountOf(api, 0);
      const before = api.requests.length;
      await signed.client.getProfile(accountOf(api, 2));
      const pages = await collect(
        signed.client.listMedia(a, { pageSize: 5, withComments: { limit: 2 } }),
      );
      const edge = pages.flat().find((m) => m.comments?.paging?.next)?.comments;
      expect(edge).toBeDefined();
      await collect(signed.client.continueEdge(a, edge, 'comments'));
      const requests = api.requests.slice(before);
      expect(requests.filter((r) => r.query.after !== undefined).length).toBeGreaterThan(2);
      for (const request of requests) {
        const token = api.data.account(request.igUserId!).accessToken;
        const proof = createHmac('sha256', appSecret).update(token).digest('hex');
        expect({ path: request.path, proof: request.query.appsecret_proof }).toEqual({
          path: request.path,
          proof,
        });
      }
      expect(signed.logs()).not.toContain(appSecret);
    } finally {
      signed.client.close();
    }
  });
});

/** A second HTTP server on 127.0.0.1 (another origin than the fake) that records every request. */
async function otherServer() {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
