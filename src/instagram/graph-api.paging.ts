import type { Logger } from 'pino';
import { GraphApiError, isGraphApiError } from './graph-api.error.js';
import type { GraphApiTransport, GraphCall } from './graph-api.transport.js';
import type { GraphPage } from './graph-api.types.js';
import type { GraphUrls } from './graph-api.urls.js';
import { scaleLimits, type LimitMemory } from './limit.memory.js';

/**
 * Per-page plan B: params to ask the same page with once more after `error` (for example
 * without a nested edge that broke the page), or undefined to fail.
 */
export type PageFallback = (
  params: Record<string, string>,
  error: GraphApiError,
) => Record<string, string> | undefined;

export interface PagingOptions {
  /** Remember code-1 page size reductions for the account under this name. */
  limitKind?: string;
  fallback?: PageFallback;
}

export interface PagingDeps {
  transport: GraphApiTransport;
  urls: GraphUrls;
  limits: LimitMemory;
  logger?: Logger;
}

/**
 * Every page of an edge, in order, following `paging.next` until it is absent (a short page is
 * not the last one). Stop early by leaving the `for await` loop.
 *
 * On code 1 "reduce the amount of data" or a timeout the same page is asked again with smaller
 * page sizes (see scaleLimits); with `limitKind` a code-1 reduction is remembered for the
 * account's later calls, and the process's first page of that kind goes alone
 * (`LimitMemory.firstOf`).
 * A `fallback` may ask a failing page once more in another form.
 */
export async function* paginate<T>(
  deps: PagingDeps,
  first: GraphCall,
  options: PagingOptions = {},
): AsyncGenerator<GraphPage<T>, void, undefined> {
  const igUserId = first.account.igUserId;
  const { limitKind } = options;
  const state = { times: 0 };
  const firstPage = () => {
    state.times = limitKind ? deps.limits.get(igUserId, limitKind) : 0;
    return getWithFallback<T>(deps, first, first.params, state, options);
  };
  let page = limitKind ? await deps.limits.firstOf(limitKind, firstPage) : await firstPage();
  let call = first;
  let previousNext: string | undefined;
  for (;;) {
    yield { data: Array.isArray(page.data) ? page.data : [], paging: page.paging };
    const next = page.paging?.next;
    if (!next) return;
    if (next === previousNext) {
      throw new GraphApiError({
        kind: 'transient',
        message: `Graph API ${call.endpoint}: paging did not advance`,
        igUserId,
      });
    }
    previousNext = next;
    call = { ...call, ...deps.urls.fromNext(next, igUserId) };
    page = await getWithFallback<T>(deps, call, first.params, state, options);
  }
}

/** Only the page-size params of `base` scaled down; cursors stay those of `call`. */
function sized(call: GraphCall, base: Record<string, string>, times: number) {
  const scaled = scaleLimits(base, times);
  const params = { ...call.params };
  if (scaled.limit !== undefined) params.limit = scaled.limit;
  if (scaled.fields !== undefined) params.fields = scaled.fields;
  return params;
}

/**
 * The page at the current size; on code 1 "reduce the amount of data" or a timeout the same
 * page is asked again smaller, and at the smallest size retried as any transient failure.
 */
async function getShrinking<T>(
  deps: PagingDeps,
  call: GraphCall,
  base: Record<string, string>,
  state: { times: number },
  limitKind: string | undefined,
): Promise<GraphPage<T>> {
  for (;;) {
    const params = sized(call, base, state.times);
    const smaller = smallerSize(call, base, state.times, params);
    try {
      return await deps.transport.get<GraphPage<T>>({ ...call, params, shrinkable: !!smaller });
    } catch (error) {
      if (!smaller || !isGraphApiError(error) || !error.wantsLess) throw error;
      state.times = smaller.times;
      const igUserId = call.account.igUserId;
      // A timeout may be the network's: only Instagram's "too much" is remembered for later.
      if (limitKind && error.tooMuchData) deps.limits.remember(igUserId, limitKind, state.times);
      deps.logger?.info(
        {
          igUserId,
          endpoint: call.endpoint,
          limit: smaller.params.limit,
          timedOut: error.timedOut,
        },
        'Graph API asked for less data or did not answer; halving page sizes',
      );
    }
  }
}

/** The next smaller size: halvings alternate between outer and nested sizes, so one of the next two shrinks something. */
function smallerSize(
  call: GraphCall,
  base: Record<string, string>,
  times: number,
  params: Record<string, string>,
) {
  return [1, 2]
    .map((step) => ({ times: times + step, params: sized(call, base, times + step) }))
    .find((c) => c.params.limit !== params.limit || c.params.fields !== params.fields);
}

async function getWithFallback<T>(
  deps: PagingDeps,
  call: GraphCall,
  base: Record<string, string>,
  state: { times: number },
  options: PagingOptions,
): Promise<GraphPage<T>> {
  try {
    return await getShrinking<T>(deps, call, base, state, options.limitKind);
  } catch (error) {
    const params = isGraphApiError(error) ? options.fallback?.(base, error) : undefined;
    if (!params || !isGraphApiError(error)) throw error;
    deps.logger?.info(
      { igUserId: call.account.igUserId, endpoint: call.endpoint, err: error.toJSON() },
      'Graph API page failed; asking it again in a simpler form',
    );
    return getShrinking<T>(deps, call, params, state, options.limitKind);
  }
}
