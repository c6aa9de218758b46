import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFakeGraphApi, type FakeGraphApi } from '@instagram-sync/fake-instagram-graph-api';
import { KEY_FILE_NAME } from '../../../src/accounts/encryption-keys.js';
import { TokenDecryptionError } from '../../../src/accounts/token-crypto.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';
import { memoryLog } from '../../support/memory-log.js';
import { startTestService } from '../../support/service.js';

describe('the generated token key outside production', () => {
  let fake: FakeGraphApi;
  let db: TestDatabase;

  beforeAll(async () => {
    fake = await createFakeGraphApi({ accounts: 2, media: 2, comments: 1, seed: 3 });
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await fake?.close();
    await db?.drop();
  });

  it('is created once beside the SQLite file with mode 0600, and reused on restart so stored tokens still decrypt', async () => {
    const log = memoryLog('warn');
    const first = await startTestService({
      engine: 'sqlite',
      db,
      sharedFake: fake,
      app: { logger: log.logger },
    });
    const keyFile = join(db.dataDir, KEY_FILE_NAME);
    await first.connectAll();
    await first.app.stop();
    const key = readFileSync(keyFile, 'utf8');
    expect(Buffer.from(key.trim(), 'base64')).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const warning = log.lines.find((line) => line.includes('TOKEN_ENCRYPTION_KEY is not set'));
    expect(JSON.parse(warning ?? '{}')).toMatchObject({ keyFile });
    expect(log.lines.join('\n')).not.toContain(key.trim());

    const second = await startTestService({ engine: 'sqlite', db, sharedFake: fake });
    try {
      expect(readFileSync(keyFile, 'utf8')).toBe(key);
      for (const [index, account] of fake.data.accounts.entries()) {
        expect((await second.app.accounts.find(index + 1))?.accessToken).toBe(account.accessToken);
      }
    } finally {
      await second.app.stop();
    }
  });

  it('does not decrypt a ciphertext copied onto another account row', async () => {
    const service = await startTestService({ engine: 'sqlite', db, sharedFake: fake });
    try {
      const rows = db.sequelize.getQueryInterface();
      const [[one]] = (await db.sequelize.query(
        'SELECT access_token_ciphertext AS value FROM ig_accounts WHERE user_no = 1',
      )) as [Array<{ value: string }>, unknown];
      expect(one?.value).toMatch(/^v2:[0-9a-f]{8}:/);
      await rows.bulkUpdate('ig_accounts', { access_token_ciphertext: one!.value }, { user_no: 2 });
      await expect(service.app.accounts.find(2)).rejects.toThrow(TokenDecryptionError);
      expect((await service.app.accounts.find(1))?.accessToken).toBe(
        fake.data.accounts[0]!.accessToken,
      );
    } finally {
      await service.app.stop();
    }
  });
});
