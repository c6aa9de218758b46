import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { TEST_ENGINES } from '../../support/databases.js';
import { startTestService, type TestService } from '../../support/service.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';

/** What happened to one request: refused (and how), or let through. */
type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'ALLOWED';

/** Who may call an operation: the user of the userNo it names, any user, or admins only. */
type Rule = 'own' | 'any' | 'admin';

interface Operation {
  name: string;
  rule: Rule;
  /** Performs the operation on `userNo`'s account (or run) with this Authorization header. */
  call(service: TestService, authorization: string | undefined, userNo: number): Promise<Outcome>;
}

const ENGINE = TEST_ENGINES.includes('mysql') ? 'mysql' : 'sqlite';
const OWN = 1;
const OTHER = 2;
/** Runs created by the admin before the matrix, one per account, so cancel and restart have a target. */
const runOf = new Map<number, string>();

const headersOf = (authorization: string | undefined): Record<string, string> =>
  authorization ? { authorization } : {};

async function gql(
  service: TestService,
  authorization: string | undefined,
  query: string,
  variables: Record<string, unknown>,
): Promise<Outcome> {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headersOf(authorization) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  const code = body.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') {
    expect(response.status).toBe(401);
    return code;
  }
  return code === 'FORBIDDEN' ? code : 'ALLOWED';
}

async function rest(
  service: TestService,
  authorization: string | undefined,
  method: 'GET' | 'POST',
  path: string,
): Promise<Outcome> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: headersOf(authorization),
  });
  await response.arrayBuffer();
  if (response.status === 401) return 'UNAUTHENTICATED';
  return response.status === 403 ? 'FORBIDDEN' : 'ALLOWED';
}

const codeOf = (errors: readonly unknown[] | undefined): string | undefined =>
  (errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;

/** Subscribes over graphql-ws; a refused credential closes the socket with 4401. */
function subscribe(
  service: TestService,
  authorization: string | undefined,
  executionId: string | null,
): Promise<Outcome> {
  const client = service.ws(authorization ? { authorization } : {});
  return new Promise<Outcome>((resolve) => {
    // A live-only subscription may stay quiet: being let in without an error is the answer.
    const quiet = setTimeout(() => done('ALLOWED'), 1_000);
    function done(outcome: Outcome) {
      clearTimeout(quiet);
      resolve(outcome);
      void client.dispose();
    }
    const refusal = (errors: readonly unknown[] | undefined): Outcome =>
      codeOf(errors) === 'FORBIDDEN' ? 'FORBIDDEN' : 'ALLOWED';
    client.subscribe(
      {
        query: `subscription($id: ID, $after: Int) { batchProgress(executionId: $id, afterSeq: $after) { seq } }`,
        variables: { id: executionId, after: executionId ? 0 : null },
      },
      {
        // A refusal while opening the stream arrives as a result carrying errors.
        next: (result) => done(refusal(result.errors)),
        complete: () => done('ALLOWED'),
        error: (error) => {
          if (Array.isArray(error)) done(refusal(error));
          else if ((error as { code?: number }).code === 4401) done('UNAUTHENTICATED');
        },
      },
    );
  });
}

const START =
  'mutation($userNo: Int) { startInstagramSync(userNo: $userNo, months: 1) { executionId } }';

const OPERATIONS: Operation[] = [
  {
    name: 'query batchStatus',
    rule: 'any',
    call: (s, a) => gql(s, a, '{ batchStatus { status } }', {}),
  },
  {
    name: 'mutation startInstagramSync(userNo)',
    rule: 'own',
    call: (s, a, userNo) => gql(s, a, START, { userNo }),
  },
  {
    name: 'mutation startInstagramSync (all)',
    rule: 'admin',
    call: (s, a) => gql(s, a, START, {}),
  },
  {
    name: 'mutation cancelInstagramSync',
    rule: 'own',
    call: (s, a, userNo) =>
      gql(s, a, 'mutation($id: ID!) { cancelInstagramSync(executionId: $id) { id } }', {
        id: runOf.get(userNo),
      }),
  },
  {
    name: 'mutation restartInstagramSync',
    rule: 'own',
    call: (s, a, userNo) =>
      gql(s, a, 'mutation($id: ID!) { restartInstagramSync(executionId: $id) { executionId } }', {
        id: runOf.get(userNo),
      }),
  },
  {
    name: 'query batchExecution',
    rule: 'own',
    call: (s, a, userNo) =>
      gql(s, a, 'query($id: ID!) { batchExecution(id: $id) { id } }', { id: runOf.get(userNo) }),
  },
  {
    name: 'query batchExecutions(userNo)',
    rule: 'own',
    call: (s, a, userNo) =>
      gql(s, a, 'query($u: Int) { batchExecutions(userNo: $u) { edges { cursor } } }', {
        u: userNo,
      }),
  },
  {
    name: 'query instagramAccount',
    rule: 'own',
    call: (s, a, userNo) =>
      gql(s, a, 'query($u: Int!) { instagramAccount(userNo: $u) { userNo } }', { u: userNo }),
  },
  {
    name: 'mutation disconnectInstagramAccount',
    rule: 'own',
    call: (s, a, userNo) =>
      gql(s, a, 'mutation($u: Int!) { disconnectInstagramAccount(userNo: $u) { userNo } }', {
        u: userNo,
      }),
  },
  {
    name: 'mutation connectInstagramAccount',
    rule: 'own',
    call: (s, a, userNo) => {
      const account = s.fake.data.accounts[userNo - 1]!;
      return gql(
        s,
        a,
        'mutation($i: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $i) { userNo } }',
        { i: { userNo, igUserId: account.igUserId, accessToken: account.accessToken } },
      );
    },
  },
  {
    name: 'mutation refreshInstagramToken',
    rule: 'admin',
    call: (s, a, userNo) =>
      gql(s, a, 'mutation($u: Int!) { refreshInstagramToken(userNo: $u) { userNo } }', {
        u: userNo,
      }),
  },
  {
    name: 'subscription batchProgress(executionId)',
    rule: 'own',
    call: (s, a, userNo) => subscribe(s, a, runOf.get(userNo)!),
  },
  {
    name: 'subscription batchProgress (every run)',
    rule: 'admin',
    call: (s, a) => subscribe(s, a, null),
  },
  {
    name: 'POST /api/v1/batch/instagram/sync',
    rule: 'admin',
    call: (s, a) => rest(s, a, 'POST', '/api/v1/batch/instagram/sync'),
  },
  {
    name: 'POST /api/v1/batch/instagram/sync/months/{months}',
    rule: 'admin',
    call: (s, a) => rest(s, a, 'POST', '/api/v1/batch/instagram/sync/months/1'),
  },
  {
    name: 'POST /api/v1/batch/instagram/sync/user/{userNo}',
    rule: 'own',
    call: (s, a, userNo) => rest(s, a, 'POST', `/api/v1/batch/instagram/sync/user/${userNo}`),
  },
  {
    name: 'POST /api/v1/batch/instagram/sync/user/{userNo}/months/{months}',
    rule: 'own',
    call: (s, a, userNo) =>
      rest(s, a, 'POST', `/api/v1/batch/instagram/sync/user/${userNo}/months/1`),
  },
  {
    name: 'GET /api/v1/batch/instagram/status',
    rule: 'any',
    call: (s, a) => rest(s, a, 'GET', '/api/v1/batch/instagram/status'),
  },
  { name: 'GET /metrics', rule: 'admin', call: (s, a) => rest(s, a, 'GET', '/metrics') },
];

interface Credential {
  name: string;
  authorization: () => string | undefined;
  /** The userNo the operation is aimed at. */
  target: number;
  expect(rule: Rule): Outcome;
}

const refused = (): Outcome => 'UNAUTHENTICATED';
const CREDENTIALS: Credential[] = [
  { name: 'anonymous', authorization: () => undefined, target: OWN, expect: refused },
  {
    name: 'forged',
    authorization: () => `Bearer ${tokens.forged()}`,
    target: OWN,
    expect: refused,
  },
  {
    name: 'expired',
    authorization: () => `Bearer ${tokens.expired()}`,
    target: OWN,
    expect: refused,
  },
  {
    name: 'alg none',
    authorization: () => `Bearer ${tokens.unsigned()}`,
    target: OWN,
    expect: refused,
  },
  {
    name: 'user, own userNo',
    authorization: () => `Bearer ${tokens.user(OWN)}`,
    target: OWN,
    expect: (rule) => (rule === 'admin' ? 'FORBIDDEN' : 'ALLOWED'),
  },
  {
    name: 'user, another userNo',
    authorization: () => `Bearer ${tokens.user(OWN)}`,
    target: OTHER,
    expect: (rule) => (rule === 'any' ? 'ALLOWED' : 'FORBIDDEN'),
  },
  {
    name: 'admin',
    authorization: () => `Bearer ${tokens.admin()}`,
    target: OWN,
    expect: () => 'ALLOWED',
  },
];

describe(`every surface asks who is calling (${ENGINE})`, () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      engine: ENGINE,
      fake: { accounts: 2, media: 4, comments: 1 },
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
    });
    const admin = { authorization: `Bearer ${tokens.admin()}` };
    await service.connectAll(admin);
    for (const userNo of [OWN, OTHER]) {
      const launch = await service.gql<{ startInstagramSync: { executionId: string } }>(
        START,
        { userNo },
        admin,
      );
      runOf.set(userNo, launch.data!.startInstagramSync.executionId);
    }
  });

  afterAll(async () => {
    await service?.stop();
  });

  describe.each(CREDENTIALS)('as $name', (credential) => {
    it.each(OPERATIONS)('$name', async (operation) => {
      const outcome = await operation.call(service, credential.authorization(), credential.target);
      expect(outcome).toBe(credential.expect(operation.rule));
    });
  });
});

describe('a WebSocket opened with a token', () => {
  it('is closed with 4401 once the token expires, beyond the 30 s of allowed clock skew', async () => {
    const service = await startTestService({
      engine: 'sqlite',
      fake: { accounts: 1, media: 2, comments: 1 },
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
    });
    try {
      // Expired 27 s ago: still inside the skew, so accepted, and closed about 3 s later.
      const expiredAdmin = jwt.sign(
        { sub: '0', role: 'admin', exp: Math.floor(Date.now() / 1000) - 27 },
        TEST_JWT_SECRET,
        { algorithm: 'HS256' },
      );
      const client = service.ws({ authorization: `Bearer ${expiredAdmin}` });
      const opened = Date.now();
      const closed = new Promise<number>((resolve) =>
        client.on('closed', (event) => resolve((event as { code: number }).code)),
      );
      // Every run's live events: a subscription that stays open until the socket closes.
      client.subscribe(
        { query: 'subscription { batchProgress { seq } }' },
        {
          next: () => {},
          error: () => {},
          complete: () => {},
        },
      );
      expect(await closed).toBe(4401);
      expect(Date.now() - opened).toBeGreaterThan(1_500);
    } finally {
      await service.stop();
    }
  });
});
