import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Access tokens at rest: AES-256-GCM with a random 12-byte IV per token, stored as one string
 * `v2:<key id>:<iv b64>:<tag b64>:<ciphertext b64>`. The key id names the key that encrypted
 * the value, so a key can be rotated while older values still decrypt; the account's igUserId
 * is the GCM additional data, so a value copied onto another account's row does not decrypt.
 *
 * Values written before key ids existed (`v1:<iv>:<tag>:<ciphertext>`, no additional data)
 * still decrypt; `npm run rotate-token-key` rewrites them as v2.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The key new values are encrypted with, and older keys that may still decrypt. */
export interface TokenKeyring {
  readonly current: Buffer;
  readonly old: readonly Buffer[];
}

/** Decryption failed: wrong key, tampered or malformed value. Never carries the token. */
export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt the stored access token: ${reason}`);
    this.name = 'TokenDecryptionError';
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) {
    throw new RangeError(`token encryption key must be 32 bytes, got ${key.length}`);
  }
}

/** A key's public name: the first 8 hex digits of its SHA-256 (reveals nothing usable). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** Encrypts `token` of account `igUserId` with the keyring's current key. Never twice the same. */
export function encryptToken(token: string, keys: TokenKeyring, igUserId: string): string {
  assertKey(keys.current);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  cipher.setAAD(Buffer.from(igUserId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((p) => p.toString('base64'));
  return ['v2', keyIdOf(keys.current), ...parts].join(':');
}

/** Whether `value` is already a v2 value under the current key (nothing left to rotate). */
export function isUnderCurrentKey(value: string, keys: TokenKeyring): boolean {
  return value.startsWith(`v2:${keyIdOf(keys.current)}:`);
}

/** Decrypts a value stored for account `igUserId`; throws TokenDecryptionError on any mismatch. */
export function decryptToken(value: string, keys: TokenKeyring, igUserId: string): string {
  const parts = value.split(':');
  if (parts[0] === 'v2' && parts.length === 5) {
    const key = [keys.current, ...keys.old].find((k) => keyIdOf(k) === parts[1]);
    if (!key) throw new TokenDecryptionError(`no configured key has id ${parts[1]}`);
    return open(key, parts.slice(2), Buffer.from(igUserId, 'utf8'));
  }
  if (parts[0] === 'v1' && parts.length === 4) {
    // v1 names no key: try each, current first. It was written without additional data.
    for (const key of [keys.current, ...keys.old]) {
      try {
        return open(key, parts.slice(1), undefined);
      } catch {
        continue;
      }
    }
    throw new TokenDecryptionError('wrong key, or the value was altered');
  }
  throw new TokenDecryptionError('not a v1 or v2 encrypted token');
}

function open(key: Buffer, encoded: string[], aad: Buffer | undefined): string {
  assertKey(key);
  if (!encoded.every((p) => B64.test(p))) throw new TokenDecryptionError('malformed value');
  const [iv, tag, ciphertext] = encoded.map((p) => Buffer.from(p, 'base64')) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenDecryptionError('malformed IV or authentication tag');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Node's message says nothing useful and the cause is always the same: key, account or data differ.
    throw new TokenDecryptionError('wrong key or account, or the value was altered');
  }
}
