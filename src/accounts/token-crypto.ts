import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Access tokens at rest: AES-256-GCM with a 32-byte key and a random 12-byte IV per token,
 * stored as one string `v1:<iv b64>:<tag b64>:<ciphertext b64>`. The version prefix lets a
 * later key or algorithm change tell old rows apart.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

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

/** Encrypts `token` with `key` (32 bytes). Two calls never give the same string. */
export function encryptToken(token: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join(':');
}

/** Decrypts a value made by `encryptToken`; throws TokenDecryptionError on any mismatch. */
export function decryptToken(value: string, key: Buffer): string {
  assertKey(key);
  const parts = value.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new TokenDecryptionError(`not a ${VERSION} encrypted token`);
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64')) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenDecryptionError('malformed IV or authentication tag');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Node's message says nothing useful and the cause is always the same: key or data differ.
    throw new TokenDecryptionError('wrong key, or the value was altered');
  }
}
