/**
 * Helpers for the fake's own tests: plain `fetch` calls and a clock tests can move.
 * (Not used by the fake itself.)
 */
import type { FakeGraphApi } from '../../src/fake-graph-api.types.js';

export const VERSION = 'v25.0';

export interface Paging {
  cursors: { before: string; after: string };
  next?: string;
  previous?: string;
}

export interface Page<T = Record<string, unknown>> {
  data: T[];
  paging?: Paging;
}

export interface ErrorReply {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    is_transient?: boolean;
    error_user_title?: string;
    fbtrace_id: string;
  };
}

export interface Reply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  /** Token to send; default none. */
  token?: string;
  /** Where the token goes: `Authorization: Bearer` (default), `OAuth`, or `access_token`. */
  via?: 'bearer' | 'oauth' | 'query';
  query?: Record<string, string>;
}

/** GET `/{VERSION}/{path}` (or an absolute URL such as `paging.next`). */
export async function call<T>(
  api: FakeGraphApi,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  const url = new URL(path.startsWith('http') ? path : `${api.url}/${VERSION}/${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = {};
  if (options.token && options.via === 'query') url.searchParams.set('access_token', options.token);
  else if (options.token) {
    headers.Authorization = `${options.via === 'oauth' ? 'OAuth' : 'Bearer'} ${options.token}`;
  }
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

/** A clock for `now`, starting at `iso`. */
export function testClock(iso: string): { now: () => Date; advance: (ms: number) => void } {
  let ms = Date.parse(iso);
  return { now: () => new Date(ms), advance: (delta) => (ms += delta) };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
