import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_ENGINES } from '../../support/databases.js';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';
import {
  adminHeaders,
  nestedReplies,
  query,
  send,
  storedRows,
  type Refusal,
} from '../../support/abuse.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';

const ENGINE = TEST_ENGINES.includes('mysql') ? 'mysql' : 'sqlite';

interface Abuse {
  name: string;
  send(service: TestService): Promise<Refusal>;
  status?: number;
  code: string;
  field?: string;
}

const aliased = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: batchStatus { cron }`).join(' ')} }`;
const MEDIA_FIRST =
  'query($n: Int) { instagramAccount(userNo: 1) { media(first: $n) { edges { cursor } } } }';
const COMMENTS_FIRST =
  'query($n: Int) { instagramAccount(userNo: 1) { media(first: 1) { edges { node { comments(first: $n) { edges { cursor } } } } } } }';
// Every comment of the first media pages answers replies, so one bad `first` is refused.
const REPLIES_FIRST =
  'query($n: Int) { instagramAccount(userNo: 1) { media(first: 10) { edges { node { comments(first: 5) { edges { node { replies(first: $n) { id } } } } } } } } }';
const RUNS_FIRST = 'query($n: Int) { batchExecutions(first: $n) { edges { cursor } } }';
const INSIGHTS =
  'query($m: [String!], $s: String!, $u: String!) { instagramAccount(userNo: 1) { insights(metrics: $m, since: $s, until: $u) { value } } }';
const RUN_ID_USES = [
  ['batchExecution', 'query($x: ID!) { batchExecution(id: $x) { id } }', 'id'],
  [
    'cancelInstagramSync',
    'mutation($x: ID!) { cancelInstagramSync(executionId: $x) { id } }',
    'executionId',
  ],
  [
    'restartInstagramSync',
    'mutation($x: ID!) { restartInstagramSync(executionId: $x) { executionId } }',
    'executionId',
  ],
] as const;

const ABUSES: Abuse[] = [
  {
    name: 'a query nested 11 levels deep',
    send: (s) => query(s, nestedReplies(11)),
    status: 400,
    code: 'QUERY_TOO_DEEP',
  },
  {
    name: 'an alias bomb of 500 aliases',
    send: (s) => query(s, aliased(500)),
    status: 400,
    code: 'TOO_MANY_ALIASES',
  },
  {
    name: '25 root fields',
    send: (s) => query(s, aliased(25)),
    status: 400,
    code: 'TOO_MANY_ROOT_FIELDS',
  },
  {
    name: '100 media × 100 comments',
    send: (s) =>
      query(
        s,
        '{ instagramAccount(userNo: 1) { media(first: 100) { edges { node { id comments(first: 100) { edges { node { id text } } } } } } } }',
      ),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  ...[101, 1e9, -1, 0].flatMap((n): Abuse[] =>
    [
      ['media', MEDIA_FIRST],
      ['comments', COMMENTS_FIRST],
      ['replies', REPLIES_FIRST],
      ['batchExecutions', RUNS_FIRST],
    ].map(([list, text]) => ({
      name: `${list}(first: ${n})`,
      send: (s) => query(s, text!, { n }),
      code: 'BAD_USER_INPUT',
      field: 'first',
    })),
  ),
  {
    name: 'a garbage runs cursor',
    send: (s) => query(s, 'query { batchExecutions(after: "x\' OR 1=1") { edges { cursor } } }'),
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'a garbage media cursor',
    send: (s) =>
      query(
        s,
        'query { instagramAccount(userNo: 1) { media(after: "%%%") { edges { cursor } } } }',
      ),
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'userNo 2^53',
    send: (s) =>
      query(s, 'query($u: Int!) { instagramAccount(userNo: $u) { userNo } }', { u: 2 ** 53 }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'sync of userNo -1',
    send: (s) => query(s, 'mutation { startInstagramSync(userNo: -1) { executionId } }'),
    code: 'BAD_USER_INPUT',
    field: 'userNo',
  },
  {
    name: 'sync of 1e9 months',
    send: (s) => query(s, 'mutation { startInstagramSync(months: 1000000000) { executionId } }'),
    code: 'BAD_USER_INPUT',
    field: 'months',
  },
  ...['1 OR 1=1', 'abc', '-5', '0', '1e3'].flatMap((id) =>
    RUN_ID_USES.map(([operation, text, field]): Abuse => ({
      name: `${operation} of run id ${JSON.stringify(id)}`,
      send: (s) => query(s, text, { x: id }),
      code: 'BAD_USER_INPUT',
      field,
    })),
  ),
  {
    name: 'insights over 2 years',
    send: (s) => query(s, INSIGHTS, { s: '2023-01-01', u: '2025-01-02' }),
    code: 'BAD_USER_INPUT',
    field: 'until',
  },
  {
    name: '31 insight metrics',
    send: (s) =>
      query(s, INSIGHTS, {
        m: Array.from({ length: 31 }, (_, i) => `m${i}`),
        s: '2025-01-01',
        u: '2025-01-02',
      }),
    code: 'BAD_USER_INPUT',
    field: 'metrics',
  },
  {
    name: 'a 2 MB body',
    send: (s) =>
      send(s, '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ batchStatus { cron } } #${'x'.repeat(2 * 1024 * 1024)}`,
        }),
      }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'malformed JSON',
    send: (s) =>
      send(s, '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": ',
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'an unknown route',
    send: (s) => send(s, '/wp-admin.php', { method: 'GET' }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'a text/plain POST (what a cross-site form can send)',
    send: (s) =>
      send(s, '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { startInstagramSync { executionId } }' }),
      }),
    status: 400,
    code: 'BAD_REQUEST',
  },
];

describe(`hostile requests are refused with a code and change nothing (${ENGINE})`, () => {
  let service: TestService;
  let before: Record<string, number>;

  beforeAll(async () => {
    service = await startTestService({
      engine: ENGINE,
      fake: { accounts: 1, media: 4, comments: 3 },
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
    });
    await service.connectAll(adminHeaders());
    // One finished sync, so media, comments and replies exist for the nested cases.
    const launch = await service.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(userNo: 1, months: 12) { executionId } }',
      {},
      adminHeaders(),
    );
    const client = service.ws({ authorization: `Bearer ${tokens.admin()}` });
    await collectEvents(client, launch.data!.startInstagramSync.executionId);
    before = await storedRows(service);
    // The replies cases need comments to resolve replies on.
    expect(before.ig_comments).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it.each(ABUSES)('$name', async (abuse) => {
    const refusal = await abuse.send(service);
    expect({ code: refusal.code, field: refusal.field }).toEqual({
      code: abuse.code,
      field: abuse.field ?? refusal.field,
    });
    if (abuse.status) expect(refusal.status).toBe(abuse.status);
    expect(refusal.message).not.toMatch(/SQL|sequelize|at .*\.ts|\/work\//i);
  });

  it('stores nothing new and still answers /healthz afterwards', async () => {
    expect(await storedRows(service)).toEqual(before);
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
