/**
 * Field selection on the four node types. A field the node does not have fails with the
 * API's "Tried accessing nonexisting field" error; a field without a value (no caption,
 * no `media_url` on copyright-flagged media) is left out, and `id` is always answered.
 */
import type { FakeAccount, FakeChild, FakeComment, FakeMedia } from './fake-graph-api.types.js';
import type { FieldSelection } from './field-selection.parser.js';
import type { GraphContext, Json } from './graph-context.js';
import {
  COMMENT_DEFAULT_FIELDS,
  COMMENT_PAGE_CAP,
  MEDIA_PAGE_CAP,
  mediaList,
  nestedEdge,
  type EdgeSpec,
} from './graph-edges.render.js';
import { nonexistingField } from './graph-errors.js';
import { mediaInsightsData } from './media-insights.route.js';

type Getter<T> = (node: T, ctx: GraphContext, field: FieldSelection) => unknown;

interface NodeSpec<T> {
  type: string;
  id: (node: T) => string;
  fields: Record<string, Getter<T>>;
}

const ID_ONLY: FieldSelection[] = [{ name: 'id', params: {} }];

export function renderNode<T>(
  spec: NodeSpec<T>,
  node: T,
  ctx: GraphContext,
  fields: FieldSelection[],
): Json {
  const out: Json = {};
  for (const field of fields) {
    const getter = spec.fields[field.name];
    if (!getter) throw nonexistingField(field.name, spec.type);
    const value = getter(node, ctx, field);
    if (value !== undefined && value !== '') out[field.name] = value;
  }
  if (out.id === undefined) out.id = spec.id(node);
  return out;
}

const OWNER_SPEC: NodeSpec<FakeAccount> = {
  type: 'ShadowIGUser',
  id: (a) => a.igUserId,
  fields: { id: (a) => a.igUserId, username: (a) => a.profile.username },
};

export const USER_SPEC: NodeSpec<FakeAccount> = {
  type: 'ShadowIGUser',
  id: (a) => a.igUserId,
  fields: {
    id: (a) => a.igUserId,
    ig_id: (a) => a.profile.ig_id,
    legacy_instagram_user_id: (a) => String(a.profile.ig_id),
    username: (a) => a.profile.username,
    name: (a) => a.profile.name,
    biography: (a) => a.profile.biography,
    website: (a) => a.profile.website,
    followers_count: (a) => a.profile.followers_count,
    follows_count: (a) => a.profile.follows_count,
    media_count: (a) => a.profile.media_count,
    profile_picture_url: (a) => a.profile.profile_picture_url,
    has_profile_pic: () => true,
    media: (a, ctx, f) => nestedMediaEdge(ctx, a, f),
  },
};

/** `/me` under Instagram Login: `id` is app-scoped, `user_id` is the IG account id. */
export const ME_SPEC: NodeSpec<FakeAccount> = {
  type: 'ShadowIGUser',
  id: (a) => a.appScopedId,
  fields: {
    ...USER_SPEC.fields,
    id: (a) => a.appScopedId,
    user_id: (a) => a.igUserId,
    account_type: () => 'BUSINESS',
  },
};

function ownerOf(ctx: GraphContext, media: FakeMedia): FakeAccount {
  return ctx.store.account(media.ownerId);
}

export const MEDIA_SPEC: NodeSpec<FakeMedia> = {
  type: 'ShadowIGMedia',
  id: (m) => m.id,
  fields: {
    id: (m) => m.id,
    ig_id: (m) => m.ig_id,
    caption: (m) => m.caption,
    comments_count: (m) => m.comments_count,
    like_count: (m) => m.like_count,
    media_type: (m) => m.media_type,
    media_product_type: (m) => m.media_product_type,
    media_url: (m) => m.media_url,
    thumbnail_url: (m) => m.thumbnail_url,
    permalink: (m) => m.permalink,
    shortcode: (m) => m.shortcode,
    timestamp: (m) => m.timestamp,
    username: (m, ctx) => ownerOf(ctx, m).profile.username,
    owner: (m, ctx, f) => renderNode(OWNER_SPEC, ownerOf(ctx, m), ctx, f.fields ?? ID_ONLY),
    is_comment_enabled: (m) => m.is_comment_enabled,
    is_shared_to_feed: (m) => (m.media_product_type === 'REELS' ? true : undefined),
    children: (m, ctx, f) =>
      m.children && m.children.length > 0
        ? { data: m.children.map((c) => renderNode(childSpec(m), c, ctx, f.fields ?? ID_ONLY)) }
        : undefined,
    comments: (m, ctx, f) => nestedCommentsEdge(ctx, m, f),
    insights: (m, _ctx, f) => ({ data: mediaInsightsData(m, f.params.metric) }),
  },
};

/** Album children lack caption, counts, comments and children (the API rejects them). */
export function childSpec(parent: FakeMedia): NodeSpec<FakeChild> {
  return {
    type: 'ShadowIGMedia',
    id: (c) => c.id,
    fields: {
      id: (c) => c.id,
      media_type: (c) => c.media_type,
      media_url: (c) => c.media_url,
      thumbnail_url: (c) => c.thumbnail_url,
      permalink: (c) => c.permalink,
      shortcode: (c) => c.shortcode,
      timestamp: (c) => c.timestamp,
      username: (_c, ctx) => ownerOf(ctx, parent).profile.username,
      owner: (_c, ctx, f) => renderNode(OWNER_SPEC, ownerOf(ctx, parent), ctx, f.fields ?? ID_ONLY),
    },
  };
}

export const COMMENT_SPEC: NodeSpec<FakeComment> = {
  type: 'IGComment',
  id: (c) => c.id,
  fields: {
    id: (c) => c.id,
    text: (c) => c.text,
    timestamp: (c) => c.timestamp,
    username: (c) => c.username,
    like_count: (c) => c.like_count,
    hidden: (c) => c.hidden,
    parent_id: (c) => c.parent_id,
    legacy_instagram_comment_id: (c) => c.id,
    from: (c) => ({ id: c.fromId, username: c.username }),
    media: (c, ctx, f) => {
      const media = ctx.store.findMedia(c.mediaId);
      return media ? renderNode(MEDIA_SPEC, media, ctx, f.fields ?? ID_ONLY) : undefined;
    },
    replies: (c, ctx, f) => nestedRepliesEdge(ctx, c, f),
  },
};

// The edges of nodes: media and comments render as nodes of the specs above.

function commentList(ctx: GraphContext, media: FakeMedia): FakeComment[] {
  const state = ctx.store.findMediaState(media.id);
  return state ? ctx.store.commentsOf(state) : [];
}

export function mediaEdge(ctx: GraphContext, list: FakeMedia[]): EdgeSpec<FakeMedia> {
  return {
    list,
    cap: MEDIA_PAGE_CAP,
    defaults: 'id',
    render: (m, fields) => renderNode(MEDIA_SPEC, m, ctx, fields),
  };
}

export function commentsEdge(ctx: GraphContext, list: FakeComment[]): EdgeSpec<FakeComment> {
  return {
    list,
    cap: COMMENT_PAGE_CAP,
    defaults: COMMENT_DEFAULT_FIELDS,
    render: (c, fields) => renderNode(COMMENT_SPEC, c, ctx, fields),
  };
}

export function nestedMediaEdge(
  ctx: GraphContext,
  account: FakeAccount,
  field: FieldSelection,
): Json | undefined {
  const list = mediaList(ctx, account, field.params.since, field.params.until);
  return nestedEdge(ctx, mediaEdge(ctx, list), field, `${account.igUserId}/media`);
}

export function nestedCommentsEdge(
  ctx: GraphContext,
  media: FakeMedia,
  field: FieldSelection,
): Json | undefined {
  const list = commentList(ctx, media);
  return nestedEdge(ctx, commentsEdge(ctx, list), field, `${media.id}/comments`);
}

export function nestedRepliesEdge(
  ctx: GraphContext,
  comment: FakeComment,
  field: FieldSelection,
): Json | undefined {
  return nestedEdge(ctx, commentsEdge(ctx, comment.replies), field, `${comment.id}/replies`);
}
