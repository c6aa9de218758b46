import { spawn } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  decryptToken,
  encryptToken,
  keyIdOf,
  type TokenKeyring,
} from '../../../src/accounts/token-crypto.js';
import { rotateTokens } from '../../../src/accounts/token-rotation.js';
import { defineModels } from '../../../src/db/models/define-models.js';
import { IgAccountRepository } from '../../../src/db/repositories/ig-account.repository.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';

const REGISTER = fileURLToPath(new URL('../../support/ts-register.mjs', import.meta.url));
const CLI = fileURLToPath(
  new URL('../../../src/accounts/rotate-token-key.cli.ts', import.meta.url),
);

/** The format stored before key ids existed: v1, no key id, no additional data. */
function legacyV1(token: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => p.toString('base64')).join(':');
}

const accountOf = (n: number) => ({ igUserId: `1784140000000000${n}`, token: `IGQ-token-${n}-x` });

describe('rotating the token key on a real SQLite database', () => {
  let db: TestDatabase;
  let repo: IgAccountRepository;
  const [oldKey, currentKey] = [randomBytes(32), randomBytes(32)];
  const keys: TokenKeyring = { current: currentKey, old: [oldKey] };

  const store = (userNo: number, ciphertext: string) =>
    repo.upsertOnConnect({
      userNo,
      igUserId: accountOf(userNo).igUserId,
      username: null,
      accessTokenCiphertext: ciphertext,
      tokenExpiresAt: null,
      connectedAt: new Date(),
    });
  const storedValues = async () =>
    (await repo.listStoredTokens()).map((c) => c.accessTokenCiphertext);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    repo = new IgAccountRepository(defineModels(db.sequelize));
    await store(1, legacyV1(accountOf(1).token, currentKey));
    await store(
      2,
      encryptToken(accountOf(2).token, { current: oldKey, old: [] }, accountOf(2).igUserId),
    );
    await store(3, encryptToken(accountOf(3).token, keys, accountOf(3).igUserId));
    await store(4, legacyV1(accountOf(4).token, oldKey));
    // A disconnected account holds no token: nothing to rotate.
    await store(5, encryptToken(accountOf(5).token, keys, accountOf(5).igUserId));
    await repo.disconnect(5);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('re-encrypts legacy and old-key tokens under the current key, bound to their account, and a second run changes nothing', async () => {
    expect(await rotateTokens(repo, keys)).toEqual({
      tokens: 4,
      rotated: 3,
      current: 1,
      skipped: 0,
    });
    const values = await storedValues();
    for (const value of values) expect(value.startsWith(`v2:${keyIdOf(currentKey)}:`)).toBe(true);
    const currentOnly: TokenKeyring = { current: currentKey, old: [] };
    for (const [index, value] of values.entries()) {
      const { igUserId, token } = accountOf(index + 1);
      expect(decryptToken(value, currentOnly, igUserId)).toBe(token);
    }
    expect(await rotateTokens(repo, keys)).toEqual({
      tokens: 4,
      rotated: 0,
      current: 4,
      skipped: 0,
    });
    expect(await storedValues()).toEqual(values);
  });

  it('runs as `npm run rotate-token-key` does, reporting how many tokens it re-encrypted', async () => {
    const newKey = randomBytes(32);
    const env = {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: db.url,
      TOKEN_ENCRYPTION_KEY: newKey.toString('base64'),
      TOKEN_ENCRYPTION_KEYS_OLD: currentKey.toString('base64'),
    };
    const child = spawn(process.execPath, ['--import', REGISTER, CLI], { env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: '4 of 4 tokens re-encrypted (0 already current, 0 changed meanwhile)\n',
    });
    for (const value of await storedValues())
      expect(value.startsWith(`v2:${keyIdOf(newKey)}:`)).toBe(true);
  });
});
