/* global process, fetch, setTimeout */
/**
 * The demo profile's fake Graph API (`docker-compose --env-file deploy/demo/demo.env --profile
 * demo up`): serves the fake's data set on 0.0.0.0, then, once the API answers, connects each of
 * its accounts to the service over GraphQL as userNo 1, 2, … so a sync can be started at once.
 * Settings: FAKE_PORT (4010), FAKE_PUBLIC_URL (http://fake-graph:4010), DEMO_API_URL
 * (http://api:4000), DEMO_API_TOKEN (an admin JWT, when the service has AUTH_JWT_SECRET),
 * DEMO_ACCOUNTS (5), DEMO_MEDIA (120), DEMO_COMMENTS (15), DEMO_SEED (1).
 */
import { createFakeGraphApi } from './dist/index.js';

const env = process.env;
const port = Number(env.FAKE_PORT ?? 4010);
const apiUrl = env.DEMO_API_URL ?? 'http://api:4000';
const say = (line) => process.stdout.write(`${line}\n`);

const fake = await createFakeGraphApi({
  port,
  host: '0.0.0.0',
  publicUrl: env.FAKE_PUBLIC_URL ?? `http://fake-graph:${port}`,
  accounts: Number(env.DEMO_ACCOUNTS ?? 5),
  media: Number(env.DEMO_MEDIA ?? 120),
  comments: Number(env.DEMO_COMMENTS ?? 15),
  seed: Number(env.DEMO_SEED ?? 1),
});
say(`fake Graph API on ${fake.url}: ${fake.data.accounts.length} accounts`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

async function gql(query, variables) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(env.DEMO_API_TOKEN ? { authorization: `Bearer ${env.DEMO_API_TOKEN}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

async function apiIsReady() {
  try {
    return (await fetch(`${apiUrl}/readyz`)).ok;
  } catch {
    return false;
  }
}

while (!(await apiIsReady())) await new Promise((resolve) => setTimeout(resolve, 2000));
const CONNECT = `mutation($input: ConnectInstagramAccountInput!) {
  connectInstagramAccount(input: $input) { userNo username }
}`;
try {
  for (const [index, account] of fake.data.accounts.entries()) {
    const input = {
      userNo: index + 1,
      igUserId: account.igUserId,
      accessToken: account.accessToken,
    };
    const { connectInstagramAccount: connected } = await gql(CONNECT, { input });
    say(`connected @${connected.username} as userNo ${connected.userNo}`);
  }
  say('accounts connected: start a sync from the dashboard or with startInstagramSync');
} catch (error) {
  // The fake keeps serving: the accounts can still be connected by hand.
  process.stderr.write(`connecting the fake's accounts to ${apiUrl} failed: ${error.message}\n`);
}
