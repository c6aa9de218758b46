import { Op, type WhereOptions } from 'sequelize';

/** Position of a row in a list ordered by (timestamp, id): the last row a page returned. */
export interface KeysetCursor {
  timestamp: Date;
  id: string;
}

/** One page of a keyset-paged list. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/** A cursor string that does not decode to a position (tampered with, or from elsewhere). */
export class InvalidCursorError extends Error {
  readonly code = 'BAD_CURSOR';
  constructor() {
    super('The cursor is not valid.');
    this.name = 'InvalidCursorError';
  }
}

/** Opaque, URL-safe cursor text for `position`. */
export function encodeCursor(position: KeysetCursor): string {
  const json = JSON.stringify([position.timestamp.toISOString(), position.id]);
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** The position `cursor` encodes; throws {@link InvalidCursorError} for anything else. */
export function decodeCursor(cursor: string): KeysetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidCursorError();
  const [iso, id] = parsed as unknown[];
  const timestamp = typeof iso === 'string' ? new Date(iso) : new Date(NaN);
  if (Number.isNaN(timestamp.getTime()) || typeof id !== 'string' || id === '') {
    throw new InvalidCursorError();
  }
  return { timestamp, id };
}

export type KeysetDirection = 'newest-first' | 'oldest-first';

/** Rows strictly after `cursor` in (timestamp, id) order going `direction`. */
export function afterCursor(cursor: KeysetCursor, direction: KeysetDirection): WhereOptions {
  const beyond = direction === 'newest-first' ? Op.lt : Op.gt;
  return {
    [Op.or]: [
      { timestamp: { [beyond]: cursor.timestamp } },
      { timestamp: cursor.timestamp, id: { [beyond]: cursor.id } },
    ],
  };
}

/** ORDER BY for `direction`; `id` breaks ties between rows with the same timestamp. */
export function keysetOrder(direction: KeysetDirection): [string, 'ASC' | 'DESC'][] {
  const dir = direction === 'newest-first' ? 'DESC' : 'ASC';
  return [
    ['timestamp', dir],
    ['id', dir],
  ];
}

/** Cuts the one extra row a page query fetched (`first + 1`) into items and `hasNextPage`. */
export function toPage<T>(rows: T[], first: number): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}
