import type { IgAccountRepository } from '../db/repositories/ig-account.repository.js';
import {
  decryptToken,
  encryptToken,
  isUnderCurrentKey,
  type TokenKeyring,
} from './token-crypto.js';

export interface RotationReport {
  /** Accounts holding a token. */
  tokens: number;
  /** Re-encrypted under the current key by this call. */
  rotated: number;
  /** Already under the current key (nothing to do). */
  current: number;
  /** Changed by a reconnection while this call ran (already under the current key). */
  skipped: number;
}

/**
 * Re-encrypts every stored token under the keyring's current key (as v2, bound to its
 * account): values of old keys and legacy v1 values alike. Running it again changes nothing.
 * A value no configured key decrypts stops the rotation with a TokenDecryptionError (before
 * anything is lost: rows already rewritten decrypt with the current key).
 */
export async function rotateTokens(
  accounts: IgAccountRepository,
  keys: TokenKeyring,
): Promise<RotationReport> {
  const stored = await accounts.listStoredTokens();
  const report: RotationReport = { tokens: stored.length, rotated: 0, current: 0, skipped: 0 };
  for (const { userNo, igUserId, accessTokenCiphertext: value } of stored) {
    if (isUnderCurrentKey(value, keys)) {
      report.current++;
      continue;
    }
    const token = decryptToken(value, keys, igUserId);
    const replaced = await accounts.replaceCiphertext(
      userNo,
      value,
      encryptToken(token, keys, igUserId),
    );
    if (replaced) report.rotated++;
    else report.skipped++;
  }
  return report;
}
