/**
 * Cursor paging like the Graph API: `paging.cursors.before/after` are opaque base64 strings,
 * `paging.next` is an absolute URL present only when more items follow. Cursors encode the
 * boundary item's sort key (timestamp, id), so a page boundary stays put when newer items
 * arrive or the boundary item is deleted between calls.
 */
import { invalidParameter } from './graph-errors.js';
import { fromGraphTime } from './graph-time.js';

export interface Sortable {
  id: string;
  timestamp: string;
}

export interface PageRequest {
  limit?: string | undefined;
  after?: string | undefined;
  before?: string | undefined;
}

export interface Page<T> {
  items: T[];
  hasNext: boolean;
  hasPrevious: boolean;
}

export interface PagingBody {
  cursors: { before: string; after: string };
  next?: string;
  previous?: string;
}

interface SortKey {
  ms: number;
  id: string;
}

const PREFIX = 'fgc1:';

export function encodeCursor(item: Sortable): string {
  return Buffer.from(`${PREFIX}${fromGraphTime(item.timestamp)}:${item.id}`).toString('base64');
}

function decodeCursor(cursor: string, name: string): SortKey {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = new RegExp(`^${PREFIX}(-?\\d+):(\\d+)$`).exec(text);
  if (!match) throw invalidParameter(`The ${name} parameter is not a valid cursor`);
  return { ms: Number(match[1]), id: match[2] ?? '' };
}

function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** True when `item` comes after `key` in newest-first order. */
function isAfter(item: Sortable, key: SortKey): boolean {
  const ms = fromGraphTime(item.timestamp);
  return ms < key.ms || (ms === key.ms && compareIds(item.id, key.id) < 0);
}

/** The page size asked for, defaulted (25) and silently capped like the real API. */
export function pageSize(limit: string | undefined, cap: number, fallback = 25): number {
  const n = Number(limit);
  if (!Number.isInteger(n) || n <= 0) return Math.min(fallback, cap);
  return Math.min(n, cap);
}

/** One page of a newest-first list. */
export function paginate<T extends Sortable>(list: T[], req: PageRequest, cap: number): Page<T> {
  const size = pageSize(req.limit, cap);
  if (req.after) {
    const key = decodeCursor(req.after, 'after');
    const found = list.findIndex((item) => isAfter(item, key));
    const start = found < 0 ? list.length : found;
    const items = list.slice(start, start + size);
    return { items, hasNext: start + size < list.length, hasPrevious: start > 0 };
  }
  if (req.before) {
    const key = decodeCursor(req.before, 'before');
    const found = list.findIndex((item) => isAfter(item, key) || item.id === key.id);
    const end = found < 0 ? list.length : found;
    const start = Math.max(0, end - size);
    return { items: list.slice(start, end), hasNext: end < list.length, hasPrevious: start > 0 };
  }
  return { items: list.slice(0, size), hasNext: size < list.length, hasPrevious: false };
}

/**
 * The `paging` object of a page, or undefined for an empty page (the API then sends only
 * `data: []`). `link` builds the URL of the next/previous page from a cursor parameter.
 */
export function pagingBody<T extends Sortable>(
  page: Page<T>,
  link: (param: 'after' | 'before', cursor: string) => string,
): PagingBody | undefined {
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  if (!first || !last) return undefined;
  const before = encodeCursor(first);
  const after = encodeCursor(last);
  return {
    cursors: { before, after },
    ...(page.hasPrevious ? { previous: link('before', before) } : {}),
    ...(page.hasNext ? { next: link('after', after) } : {}),
  };
}
