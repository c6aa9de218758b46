import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { pino } from 'pino';
import cliProgress from 'cli-progress';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createFakeGraphApi } from '../fake-graph-api/index.js';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';

/**
 * `npm run demo`: the real service (SQLite, ROLE=all) against the bundled fake Graph API.
 * Connects the fake's accounts over GraphQL, starts a sync, watches it over a GraphQL
 * subscription with one progress bar per step, then prints the run's summary.
 */
const ACCOUNTS = Number(process.env.DEMO_ACCOUNTS ?? 5);
const MEDIA = Number(process.env.DEMO_MEDIA ?? 120);
const COMMENTS = Number(process.env.DEMO_COMMENTS ?? 15);
const MONTHS = Number(process.env.DEMO_MONTHS ?? 6);

async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

interface ProgressEvent {
  seq: number;
  type: string;
  step: string | null;
  progress: { done: number; total: number; items: number } | null;
  message: string | null;
  userNo: number | null;
}

mkdirSync('data', { recursive: true });
const fake = await createFakeGraphApi({
  accounts: ACCOUNTS,
  media: MEDIA,
  comments: COMMENTS,
  seed: 1,
});
const config = loadConfig({
  ...process.env,
  IG_GRAPH_API_URL: fake.url,
  PORT: process.env.PORT ?? '0',
});
const logger = pino({ level: 'info' }, pino.destination({ dest: 'data/demo.log', sync: false }));
const app = await startApp(config, { logger });
const url = app.url!;
console.log(
  `Instagram Sync on ${url}/graphql (database ${config.databaseUrl}; logs in data/demo.log)`,
);
console.log(
  `Fake Graph API on ${fake.url}: ${ACCOUNTS} accounts × ~${MEDIA} media × ~${COMMENTS} comments\n`,
);

for (const [index, account] of fake.data.accounts.entries()) {
  await gql(
    url,
    'mutation($input: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $input) { userNo } }',
    {
      input: { userNo: index + 1, igUserId: account.igUserId, accessToken: account.accessToken },
    },
  );
}
console.log(
  `Connected ${ACCOUNTS} accounts (tokens checked with the Graph API, stored encrypted).`,
);

const { startInstagramSync: launch } = await gql<{
  startInstagramSync: { executionId: string; message: string };
}>(url, 'mutation($months: Int) { startInstagramSync(months: $months) { executionId message } }', {
  months: MONTHS,
});
console.log(`${launch.message} (execution ${launch.executionId})\n`);

const bars = new cliProgress.MultiBar(
  {
    format: ' {step} |{bar}| {value}/{total} accounts | {items} items | {status}',
    hideCursor: true,
    clearOnComplete: false,
  },
  cliProgress.Presets.shades_classic,
);
const stepBars = new Map<string, cliProgress.SingleBar>();
const ws = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket });
const failures: string[] = [];
await new Promise<void>((resolve, reject) => {
  ws.subscribe<{ batchProgress: ProgressEvent }>(
    {
      query: `subscription($id: ID!) { batchProgress(executionId: $id, afterSeq: 0) {
        seq type step message userNo progress { done total items } } }`,
      variables: { id: launch.executionId },
    },
    {
      next: ({ data }) => {
        const event = data?.batchProgress;
        if (!event) return;
        if (!process.stdout.isTTY) {
          // Piped output (CI logs): one line per milestone instead of redrawn bars.
          if (event.type !== 'STEP_PROGRESS')
            console.log(
              `#${event.seq} ${event.type}${event.step ? ` ${event.step}` : ''}${event.progress ? ` ${event.progress.done}/${event.progress.total} accounts, ${event.progress.items} items` : ''}`,
            );
          return;
        }
        const name = (event.step ?? '').padEnd(8);
        if (event.type === 'STEP_STARTED') {
          stepBars.set(
            event.step!,
            bars.create(event.progress?.total ?? 0, 0, { step: name, items: 0, status: 'running' }),
          );
        }
        const bar = event.step ? stepBars.get(event.step) : undefined;
        if (bar && event.progress) bar.update(event.progress.done, { items: event.progress.items });
        if (bar && event.type === 'STEP_COMPLETED') bar.update({ status: event.message ?? 'done' });
        if (event.type === 'ACCOUNT_FAILED')
          failures.push(`user ${event.userNo} in ${event.step}: ${event.message}`);
      },
      error: reject,
      complete: resolve,
    },
  );
});
bars.stop();
await ws.dispose();

const { batchExecution: run } = await gql<{
  batchExecution: {
    status: string;
    durationMs: number;
    steps: Array<{
      name: string;
      status: string;
      readCount: number;
      writeCount: number;
      skipCount: number;
      durationMs: number;
    }>;
  };
}>(
  url,
  'query($id: ID!) { batchExecution(id: $id) { status durationMs steps { name status readCount writeCount skipCount durationMs } } }',
  {
    id: launch.executionId,
  },
);
console.log(`\nRun ${launch.executionId}: ${run.status} in ${run.durationMs} ms`);
console.table(
  run.steps.map(({ name, status, readCount, writeCount, skipCount, durationMs }) => ({
    name,
    status,
    read: readCount,
    written: writeCount,
    skipped: skipCount,
    ms: durationMs,
  })),
);
for (const failure of failures) console.log(`  failed: ${failure}`);
console.log(
  `Graph API calls made: ${fake.requests.length}. Run it again: the second run fetches only what changed.`,
);

await app.stop();
await fake.close();
process.exit(run.status === 'COMPLETED' ? 0 : 1);
