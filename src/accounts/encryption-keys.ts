import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import type { TokenKeyring } from './token-crypto.js';

/** Name of the generated key file inside the data folder. */
export const KEY_FILE_NAME = 'token-encryption.key';

/**
 * Where the generated key lives: beside the SQLite file (the key belongs with the data it
 * protects, whatever folder the service starts from), else in DATA_DIR.
 */
export function keyFilePath(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  const url = config.databaseUrl;
  const sqlitePath = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : undefined;
  const folder =
    sqlitePath && sqlitePath !== ':memory:'
      ? dirname(sqlitePath.replace(/^\/\/(?=\/)/, ''))
      : config.dataDir;
  return resolve(folder, KEY_FILE_NAME);
}

/**
 * The keyring the service encrypts and decrypts tokens with. TOKEN_ENCRYPTION_KEY when set
 * (always in production); otherwise a random key generated once into the key file and reused,
 * so that no key is ever shipped in the source.
 */
export async function loadTokenKeyring(
  config: Pick<Config, 'env' | 'databaseUrl' | 'dataDir' | 'tokenEncryption'>,
  logger: Logger,
): Promise<TokenKeyring> {
  const { key, oldKeys } = config.tokenEncryption;
  if (key) return { current: key, old: oldKeys };
  if (config.env === 'production')
    throw new Error('TOKEN_ENCRYPTION_KEY is required in production');
  const path = keyFilePath(config);
  const current = await readOrCreateKeyFile(path);
  logger.warn(
    { keyFile: path },
    'TOKEN_ENCRYPTION_KEY is not set: using the generated key file (set TOKEN_ENCRYPTION_KEY in production)',
  );
  return { current, old: oldKeys };
}

/** The key in `path`, created (base64, mode 0600) when the file does not exist yet. */
export async function readOrCreateKeyFile(path: string): Promise<Buffer> {
  const existing = await readKeyFile(path);
  if (existing) return existing;
  await mkdir(dirname(path), { recursive: true });
  // Written aside, then linked into place: link fails if the file exists, so when an API and a
  // worker start together exactly one key wins, and nobody ever reads a half-written file.
  const draft = join(dirname(path), `.${KEY_FILE_NAME}.${process.pid}.${Date.now()}`);
  await writeFile(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  const key = await readKeyFile(path);
  if (!key) throw new Error(`the token key file ${path} vanished right after it was written`);
  return key;
}

async function readKeyFile(path: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  // The message names the file only: its content is the key.
  if (key.length !== 32)
    throw new Error(`the token key file ${path} does not hold a 32-byte base64 key`);
  return key;
}
