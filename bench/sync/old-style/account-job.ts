import { MEDIA_INSIGHT_METRICS } from '../../../src/sync/steps/index.js';
import { syncAccountInsights } from './account-insights.js';
import type { GraphPage } from './graph-reader.js';
import { count, text, type OldStyleAccount, type OldStyleJobContext } from './job-context.js';
import { toSqlTime } from './old-tables.js';

const PROFILE_FIELDS =
  'id,username,name,biography,website,followers_count,follows_count,media_count,profile_picture_url';
const MEDIA_FIELDS =
  'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,like_count,comments_count,is_comment_enabled';
const REPLY_FIELDS = 'id,text,timestamp,username,like_count';
// `replies.limit(1){id}` only tells whether a comment has replies; they are read on their own.
const COMMENT_FIELDS = `${REPLY_FIELDS},replies.limit(1){id}`;
const PAGE_SIZE = '25';

/** Media insights the old job reads (the service's common set), one call per metric and media. */
const MEDIA_METRICS = MEDIA_INSIGHT_METRICS.other;

type GraphItem = Record<string, string | number | boolean | undefined>;
type GraphComment = GraphItem & { replies?: GraphPage<unknown> };

/**
 * One account, step after step as the Spring Batch job ran them: profile, media, comments,
 * media insights, account insights. Every call waits for the one before it.
 */
export async function syncAccountOldStyle(
  ctx: OldStyleJobContext,
  account: OldStyleAccount,
): Promise<void> {
  await syncProfile(ctx, account);
  const mediaIds = await syncMedia(ctx, account);
  for (const mediaId of mediaIds) await syncComments(ctx, account, mediaId);
  for (const mediaId of mediaIds) await syncMediaInsights(ctx, account, mediaId);
  await syncAccountInsights(ctx, account);
}

async function syncProfile(ctx: OldStyleJobContext, account: OldStyleAccount): Promise<void> {
  const profile = await ctx.graph.get<GraphItem>(
    `/${account.igUserId}`,
    { fields: PROFILE_FIELDS },
    account.accessToken,
  );
  await ctx.writer.upsert('old_profiles', {
    ig_user_id: account.igUserId,
    username: text(profile.username),
    name: text(profile.name),
    biography: text(profile.biography),
    website: text(profile.website),
    followers_count: count(profile.followers_count),
    follows_count: count(profile.follows_count),
    media_count: count(profile.media_count),
    profile_picture_url: text(profile.profile_picture_url),
    synced_at: toSqlTime(ctx.window.end),
  });
}

/** The window's media, newest first, page by page; stops after the page that passes its start. */
async function syncMedia(ctx: OldStyleJobContext, account: OldStyleAccount): Promise<string[]> {
  const inWindow: string[] = [];
  const params = { fields: MEDIA_FIELDS, limit: PAGE_SIZE };
  await ctx.graph.readPages<GraphItem>(
    `/${account.igUserId}/media`,
    params,
    account.accessToken,
    async (page) => {
      let passedStart = false;
      for (const media of page) {
        const postedAt = toSqlTime(String(media.timestamp));
        if (new Date(`${postedAt}Z`) < ctx.window.start) {
          passedStart = true;
          continue;
        }
        await ctx.writer.upsert('old_media', {
          id: String(media.id),
          ig_user_id: account.igUserId,
          caption: text(media.caption),
          media_type: text(media.media_type),
          media_product_type: text(media.media_product_type),
          media_url: text(media.media_url),
          thumbnail_url: text(media.thumbnail_url),
          permalink: text(media.permalink),
          shortcode: text(media.shortcode),
          posted_at: postedAt,
          like_count: count(media.like_count),
          comments_count: count(media.comments_count),
          is_comment_enabled: media.is_comment_enabled ? 1 : 0,
        });
        inWindow.push(String(media.id));
      }
      return passedStart ? 'stop' : 'next';
    },
  );
  return inWindow;
}

/** Top-level comments page by page (one call even for none), then each thread's replies. */
async function syncComments(
  ctx: OldStyleJobContext,
  account: OldStyleAccount,
  mediaId: string,
): Promise<void> {
  const withReplies: string[] = [];
  const params = { fields: COMMENT_FIELDS, limit: PAGE_SIZE };
  await ctx.graph.readPages<GraphComment>(
    `/${mediaId}/comments`,
    params,
    account.accessToken,
    async (page) => {
      for (const comment of page) {
        await saveComment(ctx, mediaId, null, comment);
        if ((comment.replies?.data.length ?? 0) > 0) withReplies.push(String(comment.id));
      }
      return 'next';
    },
  );
  for (const commentId of withReplies) {
    const replyParams = { fields: REPLY_FIELDS, limit: PAGE_SIZE };
    await ctx.graph.readPages<GraphItem>(
      `/${commentId}/replies`,
      replyParams,
      account.accessToken,
      async (page) => {
        for (const reply of page) await saveComment(ctx, mediaId, commentId, reply);
        return 'next';
      },
    );
  }
}

async function saveComment(
  ctx: OldStyleJobContext,
  mediaId: string,
  parentId: string | null,
  comment: GraphItem,
): Promise<void> {
  await ctx.writer.upsert('old_comments', {
    id: String(comment.id),
    media_id: mediaId,
    parent_id: parentId,
    text: text(comment.text),
    posted_at: toSqlTime(String(comment.timestamp)),
    username: text(comment.username),
    like_count: count(comment.like_count),
  });
}

/** Metric by metric; a metric Instagram refuses for this media is skipped. */
async function syncMediaInsights(
  ctx: OldStyleJobContext,
  account: OldStyleAccount,
  mediaId: string,
): Promise<void> {
  for (const metric of MEDIA_METRICS) {
    const answer = await ctx.graph.getOrSkip<GraphPage<{ values?: Array<{ value?: number }> }>>(
      `/${mediaId}/insights`,
      { metric },
      account.accessToken,
    );
    const value = answer?.data[0]?.values?.[0]?.value;
    if (value === undefined) continue;
    await ctx.writer.upsert('old_media_insights', { media_id: mediaId, metric, value });
  }
}
