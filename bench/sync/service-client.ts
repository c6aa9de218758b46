/**
 * The sync bench talks to the service only over its public GraphQL API: connect accounts,
 * start a run, follow it to its end (polling `batchExecution`), read its steps.
 */
import type { FakeAccount } from '@instagram-sync/fake-instagram-graph-api';

export interface RunStep {
  name: string;
  status: string;
  readCount: number;
  writeCount: number;
  durationMs: number | null;
}

export interface RunView {
  status: string;
  windowStart: string;
  queuedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  steps: RunStep[];
}

const RUN_FIELDS =
  'status windowStart queuedAt startedAt endedAt steps { name status readCount writeCount durationMs }';
const ENDED = new Set(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']);

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Connects each account as userNo 1, 2, 3, … (the token is checked; it is never printed). */
export async function connectAccounts(
  url: string,
  accounts: readonly FakeAccount[],
): Promise<void> {
  for (const [index, account] of accounts.entries()) {
    await gql(
      url,
      'mutation($input: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $input) { userNo } }',
      {
        input: { userNo: index + 1, igUserId: account.igUserId, accessToken: account.accessToken },
      },
    );
  }
}

export async function serviceTimezone(url: string): Promise<string> {
  const data = await gql<{ batchStatus: { timezone: string } }>(
    url,
    '{ batchStatus { timezone } }',
  );
  return data.batchStatus.timezone;
}

/** Starts a run of every account over `months`; its executionId. */
export async function startRun(url: string, months: number): Promise<string> {
  const data = await gql<{ startInstagramSync: { executionId: string } }>(
    url,
    'mutation($months: Int) { startInstagramSync(months: $months) { executionId } }',
    { months },
  );
  return data.startInstagramSync.executionId;
}

export async function getRun(url: string, id: string): Promise<RunView> {
  const data = await gql<{ batchExecution: RunView }>(
    url,
    `query($id: ID!) { batchExecution(id: $id) { ${RUN_FIELDS} } }`,
    { id },
  );
  return data.batchExecution;
}

/** Consecutive failed polls tolerated (a busy SQLite file may fail one read). */
const POLL_FAILURES = 5;

/** Polls the run until it has ended (the bench's timings come from the run's own timestamps). */
export async function waitForRun(url: string, id: string, everyMs = 250): Promise<RunView> {
  let failures = 0;
  for (;;) {
    try {
      const run = await getRun(url, id);
      failures = 0;
      if (ENDED.has(run.status)) return run;
    } catch (error) {
      failures += 1;
      console.warn(`  polling batchExecution failed (${failures}): ${String(error)}`);
      if (failures >= POLL_FAILURES) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
