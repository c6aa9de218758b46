/**
 * Runs the fake Graph API alone:
 * `node packages/fake-instagram-graph-api/dist/cli.js --port 4010 --accounts 20 --media 200 --comments 30 --seed 1`
 * (`npm run fake-graph -- …`; in a container add `--host 0.0.0.0 --public-url http://fake-graph:4010`). Prints the URL and each account's id and token (fake
 * tokens, made for this purpose), then serves until interrupted.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { createFakeGraphApi, FAKE_GRAPH_DEFAULTS } from './index.js';
import type { FakeGraphApiOptions, ThrottleCode } from './fake-graph-api.types.js';

const NUMBER_OPTIONS = {
  port: 'port on 127.0.0.1 (default 4010; 0 = random)',
  accounts: 'number of accounts',
  media: 'media per account',
  comments: 'average top-level comments per media',
  seed: 'data set seed',
  budget: 'calls per token per rolling hour',
  latency: 'base latency per request, ms',
  'throttle-code': 'error code when a token runs out of budget (4|17|32|613|80002)',
  'max-expansion': 'largest field expansion before code 1',
} as const;

const STRING_OPTIONS = {
  host: 'interface to listen on (default 127.0.0.1; 0.0.0.0 in a container)',
  'public-url': 'base URL clients reach it at, for paging links (e.g. http://fake-graph:4010)',
} as const;

type NumberOption = keyof typeof NUMBER_OPTIONS;

function usage(): string {
  const lines = Object.entries({ ...NUMBER_OPTIONS, ...STRING_OPTIONS }).map(
    ([name, doc]) => `  --${name.padEnd(14)} ${doc}`,
  );
  return `Usage: fake-graph [options]\n${lines.join('\n')}`;
}

function readOptions(argv: string[]): FakeGraphApiOptions {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean' } };
  for (const name of [...Object.keys(NUMBER_OPTIONS), ...Object.keys(STRING_OPTIONS)])
    options[name] = { type: 'string' };
  const { values } = parseArgs({ args: argv, options, strict: true });
  if (values.help) {
    console.error(usage());
    process.exit(0);
  }
  const num = (name: NumberOption): number | undefined => {
    const raw = values[name];
    if (raw === undefined || typeof raw !== 'string') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name} must be a whole number, got ${raw}`);
    return n;
  };
  const picked: Record<string, number | undefined> = {
    port: num('port'),
    accounts: num('accounts'),
    media: num('media'),
    comments: num('comments'),
    seed: num('seed'),
    callBudget: num('budget'),
    latencyMs: num('latency'),
    throttleCode: num('throttle-code'),
    maxExpansionItems: num('max-expansion'),
  };
  const code = picked.throttleCode;
  if (code !== undefined && ![4, 17, 32, 613, 80002].includes(code)) {
    throw new Error(`--throttle-code must be 4, 17, 32, 613 or 80002, got ${code}`);
  }
  const text = (name: keyof typeof STRING_OPTIONS): string | undefined => {
    const raw = values[name];
    return typeof raw === 'string' ? raw : undefined;
  };
  const addressed = { host: text('host'), publicUrl: text('public-url') };
  const defined = Object.entries({ ...picked, ...addressed }).filter(([, v]) => v !== undefined);
  return Object.fromEntries(defined) as FakeGraphApiOptions & { throttleCode?: ThrottleCode };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const api = await createFakeGraphApi({ port: 4010, ...options });
  const settings = { ...FAKE_GRAPH_DEFAULTS, ...options };
  console.log(`Fake Instagram Graph API listening on ${api.url} (paths /v25.0/…)`);
  console.log(
    `seed ${settings.seed}, ${settings.accounts} accounts × ~${settings.media} media × ~${settings.comments} comments`,
  );
  for (const account of api.data.accounts) {
    console.log(`${account.igUserId} @${account.profile.username} token=${account.accessToken}`);
  }
  const stop = (): void => {
    void api.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage());
  process.exit(1);
});
