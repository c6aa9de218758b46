import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEY_FILE_NAME } from '../../../src/accounts/encryption-keys.js';
import { TEST_ENGINES } from '../../support/databases.js';
import { memoryLog } from '../../support/memory-log.js';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';
import { ACCOUNT_QUERY } from '../../support/synced-data.js';
import { tokens } from '../../support/tokens.js';

const CONNECT = `mutation($input: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $input) {
  userNo igUserId username status } }`;
const START = 'mutation { startInstagramSync(months: 3) { executionId status message } }';
const EXECUTION = `query($id: ID!) { batchExecution(id: $id) { id status steps { name status
  readCount writeCount failures { userNo errorCode error } } } }`;
const RUN_TABLES = ['sync_runs', 'sync_steps', 'sync_step_accounts', 'sync_events'];

/** Every row of every table as text; blobs as UTF-8 and hex, so nothing hides in binary. */
async function dumpAllTables(service: TestService): Promise<Record<string, string>> {
  const { sequelize } = service.db;
  const names = (await sequelize.getQueryInterface().showAllTables()).map(String);
  const dump: Record<string, string> = {};
  for (const name of names) {
    const [rows] = await sequelize.query(`SELECT * FROM \`${name}\``);
    dump[name] = JSON.stringify(rows, (_key, value: unknown) => {
      const blob = value as { type?: unknown; data?: unknown };
      if (blob?.type !== 'Buffer' || !Array.isArray(blob.data)) return value;
      const bytes = Buffer.from(blob.data as number[]);
      return `${bytes.toString('utf8')} ${bytes.toString('hex')}`;
    });
  }
  return dump;
}

// MariaDB when the run has it (its text and blob columns differ from SQLite's), else SQLite.
const engine = TEST_ENGINES.includes('mysql') ? 'mysql' : 'sqlite';

describe(`no secret in clear after a full sync on ${engine}`, () => {
  const jwtSecret = randomBytes(48).toString('base64');
  const appSecret = randomBytes(24).toString('hex');
  const log = memoryLog('debug');
  const answers: string[] = [];
  const headers = { authorization: `Bearer ${tokens.admin(jwtSecret)}` };
  let service: TestService;

  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await service.gql(query, variables, headers);
    answers.push(JSON.stringify(result));
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  beforeAll(async () => {
    service = await startTestService({
      engine,
      env: { AUTH_JWT_SECRET: jwtSecret, IG_APP_SECRET: appSecret },
      app: { logger: log.logger },
    });
    for (const [index, account] of service.fake.data.accounts.entries()) {
      const input = {
        userNo: index + 1,
        igUserId: account.igUserId,
        accessToken: account.accessToken,
      };
      await ask(CONNECT, { input });
    }
    const launch = await ask(START);
    const { executionId } = launch.startInstagramSync as { executionId: string };
    const events = await collectEvents(service.ws(headers), executionId, 0);
    answers.push(JSON.stringify(events));
    await ask(EXECUTION, { id: executionId });
    for (const index of service.fake.data.accounts.keys())
      await ask(ACCOUNT_QUERY, { userNo: index + 1 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('finds no access token, encryption key, JWT secret or app secret in logs, answers, run records or any table', async () => {
    const key = Buffer.from(
      readFileSync(join(service.db.dataDir, KEY_FILE_NAME), 'utf8').trim(),
      'base64',
    );
    expect(key).toHaveLength(32);
    const dump = await dumpAllTables(service);
    for (const table of [...RUN_TABLES, 'ig_accounts', 'ig_media', 'ig_comments'])
      expect(JSON.parse(dump[table] ?? '[]')).not.toHaveLength(0);
    // The scan covers real content: everything logged at debug, every account, the ciphertexts.
    expect(log.logger.isLevelEnabled('debug')).toBe(true);
    expect(log.lines.length).toBeGreaterThan(10);
    const places: Record<string, string> = {
      logs: log.lines.join('\n'),
      answers: answers.join('\n'),
      ...dump,
    };
    const everything = Object.values(places).join('\n');
    for (const account of service.fake.data.accounts) {
      expect(everything).toContain(account.igUserId);
      expect(dump.ig_accounts).toMatch(/"v2:[0-9a-f]{8}:/);
    }
    const secrets: Record<string, string> = {
      'encryption key (base64)': key.toString('base64'),
      'encryption key (hex)': key.toString('hex'),
      'JWT secret': jwtSecret,
      'app secret': appSecret,
    };
    for (const [index, account] of service.fake.data.accounts.entries())
      secrets[`access token of account ${index + 1}`] = account.accessToken;
    const found = Object.entries(places).flatMap(([place, text]) =>
      Object.entries(secrets)
        .filter(([, secret]) => text.includes(secret))
        .map(([name]) => `${name} in ${place}`),
    );
    expect(found).toEqual([]);
  });
});
