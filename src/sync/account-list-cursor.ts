import { InvalidCursorError } from '../db/repositories/keyset-cursor.js';

/** Opaque cursor text for a position in the user-number-ordered list of accounts. */
export function encodeAccountCursor(userNo: number): string {
  return Buffer.from(`account:${userNo}`, 'utf8').toString('base64url');
}

/** The user number `cursor` encodes; throws {@link InvalidCursorError} for anything else. */
export function decodeAccountCursor(cursor: string): number {
  const match = /^account:(-?\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new InvalidCursorError();
  return Number(match[1]);
}
