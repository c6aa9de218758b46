/**
 * Id formats. Real ids are 17–19 digit strings (beyond 2^53, so never numbers). Each kind
 * has its own prefix so a bare id in a path can be routed, and every id carries a tag of
 * the seed so ids of two fakes with different seeds do not collide. Within one list, a
 * newer item always has a larger id: lists sort by (timestamp desc, id desc).
 */
import { hashInts } from './seeded-random.js';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function seedTag(seed: number): string {
  return pad(hashInts(seed) % 10_000, 4);
}

/** IG professional account id, 17 digits like `17841400000000001`. */
export function accountId(tag: string, index: number): string {
  return `178414${tag}${pad(index, 7)}`;
}

/** App-scoped user id (what `/me` answers as `id` under Instagram Login). */
export function appScopedId(tag: string, index: number): string {
  return `2${tag}${pad(index, 11)}`;
}

/** Media (and carousel child) id, 18 digits. */
export function mediaId(tag: string, serial: number): string {
  return `180${tag}${pad(serial, 11)}`;
}

/** Comment/reply id, 18 digits: media serial + sequence within that media. */
export function commentId(tag: string, serial: number, seq: number): string {
  return `179${tag}${pad(serial, 6)}${pad(seq, 5)}`;
}

export type IdKind = 'account' | 'media' | 'comment' | 'unknown';

export function idKind(tag: string, id: string): IdKind {
  if (id.length === 17 && id.startsWith(`178414${tag}`)) return 'account';
  if (id.length === 18 && id.startsWith(`180${tag}`)) return 'media';
  if (id.length === 18 && id.startsWith(`179${tag}`)) return 'comment';
  return 'unknown';
}

/** The media serial a comment id belongs to. */
export function commentMediaSerial(id: string): number {
  return Number(id.slice(7, 13));
}

/** A stable IG-scoped id for a commenter, derived from the username. */
export function commenterId(username: string): string {
  const codes = Array.from(username, (c) => c.codePointAt(0) ?? 0);
  return `1784${pad(hashInts(...codes) % 1_000_000_000, 9)}${pad(hashInts(7, ...codes) % 10_000, 4)}`;
}

/** Facebook Page id linked to an account (for `/me/accounts`). */
export function pageId(tag: string, index: number): string {
  return `10${tag}${pad(index, 9)}`;
}
