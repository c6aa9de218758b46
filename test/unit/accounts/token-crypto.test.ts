import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  decryptToken,
  encryptToken,
  isUnderCurrentKey,
  keyIdOf,
  TokenDecryptionError,
  type TokenKeyring,
} from '../../../src/accounts/token-crypto.js';

const key = randomBytes(32);
const keys: TokenKeyring = { current: key, old: [] };
const token = 'IGQVJ-secret-token-1234567890';
const igUserId = '17841400000000001';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** A value in the format stored before key ids (v1: no key id, no additional data). */
function legacyV1(plain: string, legacyKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', legacyKey, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => p.toString('base64')).join(':');
}

describe('access token encryption', () => {
  it('decrypts what it encrypted, stored as one v2 string naming its key and not containing the token', () => {
    const stored = encryptToken(token, keys, igUserId);
    const kid = createHash('sha256').update(key).digest('hex').slice(0, 8);
    expect(keyIdOf(key)).toBe(kid);
    expect(stored).toMatch(
      new RegExp(`^v2:${kid}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$`),
    );
    expect(stored).not.toContain(token);
    expect(decryptToken(stored, keys, igUserId)).toBe(token);
  });

  it('gives a different string each time for the same token (random IV)', () => {
    expect(encryptToken(token, keys, igUserId)).not.toBe(encryptToken(token, keys, igUserId));
  });

  it('does not decrypt a value for another account than the one it was encrypted for', () => {
    const error = errorOf(() =>
      decryptToken(encryptToken(token, keys, igUserId), keys, '17841400000000002'),
    );
    expect(error).toBeInstanceOf(TokenDecryptionError);
    expect(error.message).not.toContain(token);
  });

  it('decrypts a value of an old key listed in the keyring, and knows it is not under the current key', () => {
    const oldKey = randomBytes(32);
    const stored = encryptToken(token, { current: oldKey, old: [] }, igUserId);
    const rotated: TokenKeyring = { current: key, old: [oldKey] };
    expect(decryptToken(stored, rotated, igUserId)).toBe(token);
    expect(isUnderCurrentKey(stored, rotated)).toBe(false);
    expect(isUnderCurrentKey(encryptToken(token, rotated, igUserId), rotated)).toBe(true);
  });

  it('names the missing key id when no configured key matches, never the token', () => {
    const stored = encryptToken(token, { current: randomBytes(32), old: [] }, igUserId);
    const error = errorOf(() => decryptToken(stored, keys, igUserId));
    expect(error).toBeInstanceOf(TokenDecryptionError);
    expect(error.message).toContain(`no configured key has id ${stored.split(':')[1]}`);
    expect(error.message).not.toContain(token);
  });

  it('still decrypts a legacy v1 value with the current key or an old one', () => {
    expect(decryptToken(legacyV1(token, key), keys, igUserId)).toBe(token);
    const oldKey = randomBytes(32);
    expect(decryptToken(legacyV1(token, oldKey), { current: key, old: [oldKey] }, igUserId)).toBe(
      token,
    );
    expect(() => decryptToken(legacyV1(token, oldKey), keys, igUserId)).toThrow(
      TokenDecryptionError,
    );
  });

  it('refuses a tampered ciphertext or tag', () => {
    const [version, kid, iv, tag, data] = encryptToken(token, keys, igUserId).split(':') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(data, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const badData = [version, kid, iv, tag, flipped.toString('base64')].join(':');
    expect(() => decryptToken(badData, keys, igUserId)).toThrow(TokenDecryptionError);
    const badTag = [version, kid, iv, Buffer.alloc(16).toString('base64'), data].join(':');
    expect(() => decryptToken(badTag, keys, igUserId)).toThrow(TokenDecryptionError);
  });

  it('refuses a value that is not an encrypted token, without echoing it', () => {
    const error = errorOf(() => decryptToken(token, keys, igUserId));
    expect(error).toBeInstanceOf(TokenDecryptionError);
    expect(error.message).toMatch(/not a v1 or v2 encrypted token/);
    expect(error.message).not.toContain(token);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptToken(token, { current: randomBytes(16), old: [] }, igUserId)).toThrow(
      /must be 32 bytes/,
    );
  });
});
