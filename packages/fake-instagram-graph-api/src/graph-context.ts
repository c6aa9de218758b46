/**
 * What a route needs to answer one request: the store, the caller's account and the
 * pieces to build absolute paging URLs the way the real API does (`paging.next` carries
 * `access_token` only when the caller sent the token in the query string).
 */
import type { FakeAccount } from './fake-graph-api.types.js';
import type { FakeStore } from './fake-store.js';
import type { GraphHost } from './graph-host.js';

export type Json = Record<string, unknown>;

export interface GraphContext {
  store: FakeStore;
  /** The account of the token that made the call. */
  account: FakeAccount;
  /** The caller token's Pages for `/me/accounts` (TokenState.pages); undefined: its own. */
  tokenPages?: ReadonlyArray<string | null>;
  /** Which host answers: `/me/accounts` is Facebook-only, `/debug_token` too. */
  host: GraphHost;
  /** http://127.0.0.1:port, with `/instagram` on the Instagram host. */
  baseUrl: string;
  /** 'v25.0', or '' when the request was unversioned. */
  version: string;
  /** Path segments after the version, e.g. ['1784…', 'media']. */
  segments: string[];
  /** Query parameters without `access_token`. */
  query: Map<string, string>;
  /** The token when it came as a query parameter (then links carry it too). */
  queryToken?: string;
  nowMs: number;
  maxExpansionItems: number;
}

/** An absolute URL on this fake for `path` (no leading slash) with the given parameters. */
export function graphLink(ctx: GraphContext, path: string, params: Record<string, string>): string {
  const search = new URLSearchParams();
  if (ctx.queryToken) search.set('access_token', ctx.queryToken);
  for (const [key, value] of Object.entries(params)) search.set(key, value);
  const prefix = ctx.version ? `/${ctx.version}` : '';
  return `${ctx.baseUrl}${prefix}/${path}?${search.toString()}`;
}

/** The request's own URL with `after`/`before` swapped for a new cursor. */
export function selfLink(ctx: GraphContext, param: 'after' | 'before', cursor: string): string {
  const params: Record<string, string> = {};
  for (const [key, value] of ctx.query) {
    if (key !== 'after' && key !== 'before') params[key] = value;
  }
  params[param] = cursor;
  return graphLink(ctx, ctx.segments.join('/'), params);
}

export function queryParam(ctx: GraphContext, name: string): string | undefined {
  return ctx.query.get(name);
}
