import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  decryptToken,
  encryptToken,
  TokenDecryptionError,
} from '../../../src/accounts/token-crypto.js';

const key = randomBytes(32);
const token = 'IGQVJ-secret-token-1234567890';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('access token encryption', () => {
  it('decrypts what it encrypted, stored as one v1 string that does not contain the token', () => {
    const stored = encryptToken(token, key);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain(token);
    expect(decryptToken(stored, key)).toBe(token);
  });

  it('gives a different string each time for the same token (random IV)', () => {
    expect(encryptToken(token, key)).not.toBe(encryptToken(token, key));
  });

  it('refuses the wrong key with a clear error that does not contain the token', () => {
    const error = errorOf(() => decryptToken(encryptToken(token, key), randomBytes(32)));
    expect(error).toBeInstanceOf(TokenDecryptionError);
    expect(error.message).toMatch(/wrong key, or the value was altered/);
    expect(error.message).not.toContain(token);
  });

  it('refuses a tampered ciphertext or tag', () => {
    const [version, iv, tag, data] = encryptToken(token, key).split(':') as [
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(data, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const badData = [version, iv, tag, flipped.toString('base64')].join(':');
    expect(() => decryptToken(badData, key)).toThrow(TokenDecryptionError);
    const badTag = [version, iv, Buffer.alloc(16).toString('base64'), data].join(':');
    expect(() => decryptToken(badTag, key)).toThrow(TokenDecryptionError);
  });

  it('refuses a value that is not an encrypted token, without echoing it', () => {
    const error = errorOf(() => decryptToken(token, key));
    expect(error).toBeInstanceOf(TokenDecryptionError);
    expect(error.message).toMatch(/not a v1 encrypted token/);
    expect(error.message).not.toContain(token);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptToken(token, randomBytes(16))).toThrow(/must be 32 bytes/);
  });
});
