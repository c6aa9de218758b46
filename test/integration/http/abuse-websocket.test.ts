import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { startTestService, type TestService } from '../../support/service.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';
import { adminHeaders } from '../../support/abuse.js';

const wsUrl = (service: TestService) => `${service.url.replace('http', 'ws')}/graphql`;

/** A raw graphql-ws socket, acknowledged, so a test may send what no client library would. */
async function openRaw(service: TestService, headers: Record<string, string> = {}) {
  const socket = new WebSocket(wsUrl(service), 'graphql-transport-ws', { headers });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(
    JSON.stringify({
      type: 'connection_init',
      payload: { authorization: `Bearer ${tokens.admin()}` },
    }),
  );
  await new Promise((resolve) => socket.once('message', resolve));
  return socket;
}

/** The HTTP status a WebSocket upgrade was answered with (101 when it was let in). */
function upgradeStatus(service: TestService, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl(service), 'graphql-transport-ws', { headers: { origin } });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (req, res) => {
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
  });
}

describe('hostile WebSocket use is refused and the service stays up', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      engine: 'sqlite',
      fake: { accounts: 1, media: 2, comments: 1 },
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, CORS_ORIGINS: 'https://ops.example.com' },
    });
    await service.connectAll(adminHeaders());
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('closes a socket that sends a 2 MB message with 1009, and still answers /healthz', async () => {
    const socket = await openRaw(service);
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `#${'x'.repeat(2 << 20)}` } }),
    );
    expect(await closed).toBe(1009);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });

  it('refuses the 21st to 200th subscription of one socket, and the first 20 still get events', async () => {
    const client = service.ws({ authorization: `Bearer ${tokens.admin()}` });
    const refusals: string[] = [];
    const firstEvents: Array<Promise<string>> = [];
    const allSettled: Array<Promise<void>> = [];
    for (let i = 0; i < 200; i += 1) {
      let received!: (type: string) => void;
      firstEvents.push(new Promise((resolve) => (received = resolve)));
      allSettled.push(
        new Promise<void>((resolve) => {
          client.subscribe<{ batchProgress: { type: string } }>(
            { query: 'subscription { batchProgress { type } }' },
            {
              next: (message) => {
                const code = message.errors?.[0]?.extensions?.code;
                if (code) refusals.push(String(code));
                if (message.data) received(message.data.batchProgress.type);
                resolve();
              },
              error: (errors) => {
                refusals.push(
                  String(
                    (errors as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code,
                  ),
                );
                resolve();
              },
              complete: () => resolve(),
            },
          );
        }),
      );
    }
    await Promise.all(allSettled.slice(20));
    expect(refusals).toEqual(Array(180).fill('TOO_MANY_OPERATIONS'));
    await service.gql(
      'mutation { startInstagramSync(userNo: 1, months: 1) { executionId } }',
      {},
      adminHeaders(),
    );
    expect(await Promise.all(firstEvents.slice(0, 20))).toEqual(Array(20).fill('RUN_QUEUED'));
  });

  it.each([
    ['no Origin header (a server-side client)', 101, undefined],
    ['the service’s own origin', 101, 'own'],
    ['an origin listed in CORS_ORIGINS', 101, 'https://ops.example.com'],
    ['any other origin', 403, 'https://evil.example'],
    ['the literal "null" origin of a sandboxed page', 403, 'null'],
  ])('an upgrade with %s is answered %s', async (_name, status, origin) => {
    const header = origin === 'own' ? service.url : origin;
    if (header === undefined) {
      const socket = await openRaw(service);
      socket.close();
      expect(status).toBe(101);
      return;
    }
    expect(await upgradeStatus(service, header)).toBe(status);
  });
});
