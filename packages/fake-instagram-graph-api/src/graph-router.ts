/**
 * Resolves `/{id}` and `/{id}/{edge}` (and `/me`, `/me/{edge}`, `/me/accounts`) to an
 * answer. An id the token's account does not own answers exactly like an id that does
 * not exist (100/33), as the real API does; so does deleted media and its comments.
 */
import { accountInsights } from './account-insights.route.js';
import { pageSize } from './cursor-paging.js';
import type { FakeAccount } from './fake-graph-api.types.js';
import { idKind, pageId } from './fake-ids.js';
import { fieldsOrDefault, type FieldSelection } from './field-selection.parser.js';
import type { GraphContext, Json } from './graph-context.js';
import {
  COMMENT_DEFAULT_FIELDS,
  COMMENT_PAGE_CAP,
  edgePage,
  expansionCost,
  mediaList,
  MEDIA_PAGE_CAP,
} from './graph-edges.render.js';
import { objectNotFound, reduceData, unknownPath } from './graph-errors.js';
import {
  childSpec,
  commentsEdge,
  mediaEdge,
  COMMENT_SPEC,
  MEDIA_SPEC,
  ME_SPEC,
  renderNode,
  USER_SPEC,
} from './graph-nodes.render.js';
import { childInsightsError, mediaInsightsData } from './media-insights.route.js';

function fields(ctx: GraphContext, defaults = 'id'): FieldSelection[] {
  return fieldsOrDefault(ctx.query.get('fields'), defaults);
}

/** Code 1 when the request's expansion is estimated above `maxExpansionItems`. */
function assertSize(ctx: GraphContext, selection: FieldSelection[], edgeCap?: number): void {
  const own = edgeCap === undefined ? 0 : pageSize(ctx.query.get('limit'), edgeCap);
  const cost = own + expansionCost(selection, Math.max(own, 1));
  if (cost > ctx.maxExpansionItems) throw reduceData();
}

function userRoute(ctx: GraphContext, account: FakeAccount, edge: string | undefined): Json {
  if (edge === undefined) {
    const selection = fields(ctx);
    assertSize(ctx, selection);
    return renderNode(USER_SPEC, account, ctx, selection);
  }
  if (edge === 'media') {
    assertSize(ctx, fields(ctx), MEDIA_PAGE_CAP);
    const list = mediaList(ctx, account, ctx.query.get('since'), ctx.query.get('until'));
    return edgePage(ctx, mediaEdge(ctx, list));
  }
  if (edge === 'insights') return accountInsights(ctx, account);
  throw unknownPath(`/${edge}`);
}

function mediaRoute(ctx: GraphContext, id: string, edge: string | undefined): Json {
  const state = ctx.store.findMediaState(id);
  const child = ctx.store.findChild(id);
  const media = state?.media ?? child?.parent.media;
  if (!media || media.deleted || media.ownerId !== ctx.account.igUserId) throw objectNotFound(id);
  if (child) {
    if (edge === undefined) return renderNode(childSpec(media), child.child, ctx, fields(ctx));
    if (edge === 'insights') throw childInsightsError(ctx.query.get('metric'));
    throw unknownPath(`/${edge}`);
  }
  if (edge === undefined) {
    const selection = fields(ctx);
    assertSize(ctx, selection);
    return renderNode(MEDIA_SPEC, media, ctx, selection);
  }
  if (edge === 'comments' && state) {
    assertSize(ctx, fields(ctx, COMMENT_DEFAULT_FIELDS), COMMENT_PAGE_CAP);
    return edgePage(ctx, commentsEdge(ctx, ctx.store.commentsOf(state)));
  }
  if (edge === 'insights') return { data: mediaInsightsData(media, ctx.query.get('metric')) };
  if (edge === 'children') {
    const selection = fields(ctx);
    return {
      data: (media.children ?? []).map((c) => renderNode(childSpec(media), c, ctx, selection)),
    };
  }
  throw unknownPath(`/${edge}`);
}

function commentRoute(ctx: GraphContext, id: string, edge: string | undefined): Json {
  const comment = ctx.store.findComment(id);
  const media = comment ? ctx.store.findMedia(comment.mediaId) : undefined;
  if (!comment || !media || media.deleted || media.ownerId !== ctx.account.igUserId) {
    throw objectNotFound(id);
  }
  if (edge === undefined) return renderNode(COMMENT_SPEC, comment, ctx, fields(ctx));
  if (edge === 'replies') return edgePage(ctx, commentsEdge(ctx, comment.replies));
  throw unknownPath(`/${edge}`);
}

/** Page ids for Pages without an Instagram account: past every account's own Page id. */
const UNLINKED_PAGE_BASE = 900_000_000;

/**
 * Facebook-Login discovery: the Pages the token's user manages, each with the Instagram
 * business account linked to it; a Page without one has no `instagram_business_account`
 * field at all, as on the real API. graph.instagram.com has no such edge.
 */
function pagesRoute(ctx: GraphContext): Json {
  if (ctx.host === 'instagram') throw unknownPath('/accounts');
  const linked = ctx.tokenPages ?? [ctx.account.igUserId];
  const wanted = fields(ctx, 'id,name').map((f) => f.name);
  const data = linked.map((igUserId, i) => {
    const owner = igUserId === null ? undefined : ctx.store.account(igUserId);
    const page: Json = {
      id: pageId(ctx.store.tag, owner ? owner.index : UNLINKED_PAGE_BASE + i),
      name: owner ? owner.profile.name : `Page ${i + 1}`,
      ...(owner ? { instagram_business_account: { id: owner.igUserId } } : {}),
    };
    return Object.fromEntries(
      Object.entries(page).filter(([k]) => k === 'id' || wanted.includes(k)),
    );
  });
  return { data };
}

/** Answers an authenticated GET. */
export function routeGraphRequest(ctx: GraphContext, method: string): Json {
  const [first, edge, ...rest] = ctx.segments;
  if (first === undefined) throw unknownPath('/');
  if (method !== 'GET') throw objectNotFound(first, method.toLowerCase());
  if (rest.length > 0) throw unknownPath(`/${rest.join('/')}`);
  if (first === 'me') {
    if (edge === undefined)
      return renderNode(ME_SPEC, ctx.account, ctx, fields(ctx, 'id,username'));
    if (edge === 'accounts') return pagesRoute(ctx);
    return userRoute(ctx, ctx.account, edge);
  }
  const kind = idKind(ctx.store.tag, first);
  if (kind === 'media') return mediaRoute(ctx, first, edge);
  if (kind === 'comment') return commentRoute(ctx, first, edge);
  if (kind === 'account' && first === ctx.account.igUserId)
    return userRoute(ctx, ctx.account, edge);
  throw objectNotFound(first);
}
