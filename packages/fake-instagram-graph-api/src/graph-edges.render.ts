/**
 * Edges: `/media` (newest first, page 25 by default, at most 100, `since`/`until` on the
 * timestamp), `/comments` (top level only, newest first, at most 50), `/replies`. The same
 * lists serve a request on the edge itself and a field expansion; a nested edge carries its
 * own `paging` whose `next` points at the edge's own URL, and an empty nested edge is left
 * out of its parent, as the real API does.
 */
import { pageSize, paginate, pagingBody, type Sortable } from './cursor-paging.js';
import type { FakeAccount, FakeMedia } from './fake-graph-api.types.js';
import {
  fieldsOrDefault,
  parseFields,
  serializeFields,
  type FieldSelection,
} from './field-selection.parser.js';
import { graphLink, selfLink, type GraphContext, type Json } from './graph-context.js';
import { invalidParameter } from './graph-errors.js';
import { fromGraphTime, parseTimeParam } from './graph-time.js';

export const MEDIA_PAGE_CAP = 100;
export const COMMENT_PAGE_CAP = 50;
/** The comment edges answer `timestamp,text,id` when no fields are asked for. */
export const COMMENT_DEFAULT_FIELDS = 'timestamp,text,id';

function timeBound(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = parseTimeParam(value);
  if (ms === undefined) throw invalidParameter(`The ${name} parameter is not a valid time`);
  return ms;
}

/** The account's visible media, newest first, within [since, until] when given. */
export function mediaList(
  ctx: GraphContext,
  account: FakeAccount,
  since?: string,
  until?: string,
): FakeMedia[] {
  const from = timeBound(since, 'since');
  const to = timeBound(until, 'until');
  return ctx.store.visibleMedia(account).filter((m) => {
    const ms = fromGraphTime(m.timestamp);
    return (from === undefined || ms >= from) && (to === undefined || ms <= to);
  });
}

export interface EdgeSpec<T> {
  list: T[];
  cap: number;
  defaults: string;
  render: (item: T, fields: FieldSelection[]) => Json;
}

export function nestedEdge<T extends Sortable>(
  ctx: GraphContext,
  spec: EdgeSpec<T>,
  field: FieldSelection,
  path: string,
): Json | undefined {
  const fields = field.fields ?? parseFields(spec.defaults);
  const { limit, after, before, since, until } = field.params;
  const page = paginate(spec.list, { limit, after, before }, spec.cap);
  if (page.items.length === 0) return undefined;
  const params: Record<string, string> = {
    fields: serializeFields(fields),
    limit: String(pageSize(limit, spec.cap)),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
  const paging = pagingBody(page, (param, cursor) =>
    graphLink(ctx, path, { ...params, [param]: cursor }),
  );
  return {
    data: page.items.map((item) => spec.render(item, fields)),
    ...(paging ? { paging } : {}),
  };
}

/** A request on the edge itself: paging from the query, links to the same URL. */
export function edgePage<T extends Sortable>(ctx: GraphContext, spec: EdgeSpec<T>): Json {
  const fields = fieldsOrDefault(ctx.query.get('fields'), spec.defaults);
  const req = {
    limit: ctx.query.get('limit'),
    after: ctx.query.get('after'),
    before: ctx.query.get('before'),
  };
  const page = paginate(spec.list, req, spec.cap);
  const paging = pagingBody(page, (param, cursor) => selfLink(ctx, param, cursor));
  return {
    data: page.items.map((item) => spec.render(item, fields)),
    ...(paging ? { paging } : {}),
  };
}

/**
 * The size estimate behind code 1 "Please reduce the amount of data": for every `media`
 * and `comments` edge, the product of the page sizes on its path (see
 * FakeGraphApiOptions.maxExpansionItems).
 */
export function expansionCost(fields: FieldSelection[], multiplier: number): number {
  let total = 0;
  for (const field of fields) {
    const cap = field.name === 'media' ? MEDIA_PAGE_CAP : COMMENT_PAGE_CAP;
    const counted = field.name === 'media' || field.name === 'comments';
    const size = counted ? multiplier * pageSize(field.params.limit, cap) : multiplier;
    if (counted) total += size;
    if (field.fields && field.name !== 'replies') total += expansionCost(field.fields, size);
  }
  return total;
}
