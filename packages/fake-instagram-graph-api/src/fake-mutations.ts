/**
 * State changes between sync runs, so incremental behaviour can be tested: new and deleted
 * media, new and deleted comments (with `comments_count` following), changed like counts,
 * token revocation/expiry/rotation and profile edits. New items are stamped at the fake's
 * "now", or just after the newest existing item when the clock stands still, so lists stay
 * in newest-first order.
 */
import { freshComments } from './comments.generator.js';
import type { FakeComment, FakeMutations } from './fake-graph-api.types.js';
import type { FakeStore, MediaState, TokenState } from './fake-store.js';
import { fromGraphTime } from './graph-time.js';
import { draftMedia } from './media.generator.js';
import { expireNow } from './token-auth.js';
import { issueToken } from './token-refresh.js';

/** The time for the newest of `count` new items after `newest` (whole seconds). */
function stampAfter(nowMs: number, newest: string | undefined, count: number): number {
  const after = newest ? fromGraphTime(newest) + count * 1000 : 0;
  return Math.floor(Math.max(nowMs, after) / 1000) * 1000;
}

function mediaState(store: FakeStore, mediaId: string): MediaState {
  const state = store.findMediaState(mediaId);
  if (!state) throw new Error(`No fake media ${mediaId}`);
  return state;
}

function comment(store: FakeStore, commentId: string): FakeComment {
  const found = store.findComment(commentId);
  if (!found) throw new Error(`No fake comment ${commentId}`);
  return found;
}

export function createMutations(store: FakeStore): FakeMutations {
  const nowMs = (): number => store.now().getTime();
  const seed = store.settings.seed;

  function currentToken(igUserId: string): TokenState {
    const state = store.tokens.get(store.account(igUserId).accessToken);
    if (!state) throw new Error(`No token for fake account ${igUserId}`);
    return state;
  }

  function addComments(
    state: MediaState,
    list: FakeComment[],
    count: number,
    parentId?: string,
  ): FakeComment[] {
    const latest = stampAfter(nowMs(), list[0]?.timestamp, count);
    const fresh = freshComments(
      store.commentContext(state),
      state.nextSeq,
      count,
      latest,
      parentId,
    );
    state.nextSeq += count;
    list.unshift(...fresh);
    store.indexComments(fresh);
    state.media.comments_count += count;
    return fresh;
  }

  return {
    addMedia(igUserId, count) {
      const account = store.account(igUserId);
      const latest = stampAfter(nowMs(), account.media[0]?.timestamp, count);
      for (let k = count - 1; k >= 0; k -= 1) {
        const serial = store.allocateSerial();
        const draft = draftMedia({
          seed,
          tag: store.tag,
          serial,
          ownerId: igUserId,
          timestampMs: latest - k * 1000,
          preConversion: false,
          allocateSerial: () => store.allocateSerial(),
        });
        store.registerMedia(account, draft, serial, { replies: [] }, true);
      }
      account.profile.media_count += count;
      return account.media.slice(0, count);
    },
    deleteMedia(mediaId) {
      const { media, account } = mediaState(store, mediaId);
      if (media.deleted) return;
      media.deleted = true;
      account.profile.media_count -= 1;
    },
    addComments(mediaId, count) {
      const state = mediaState(store, mediaId);
      return addComments(state, store.commentsOf(state), count);
    },
    addReplies(commentId, count) {
      const parent = comment(store, commentId);
      if (parent.parent_id) throw new Error('Replies go under top-level comments only');
      return addComments(mediaState(store, parent.mediaId), parent.replies, count, parent.id);
    },
    deleteComment(commentId) {
      const target = comment(store, commentId);
      const state = mediaState(store, target.mediaId);
      const list = target.parent_id
        ? comment(store, target.parent_id).replies
        : store.commentsOf(state);
      list.splice(list.indexOf(target), 1);
      state.media.comments_count -= 1 + target.replies.length;
      store.forgetComment(target);
    },
    setLikeCount(mediaId, n) {
      mediaState(store, mediaId).media.like_count = n;
    },
    revokeToken(igUserId) {
      const state = store.tokens.get(store.account(igUserId).accessToken);
      if (state) state.status = 'revoked';
    },
    expireToken(igUserId) {
      expireNow(store.tokens.get(store.account(igUserId).accessToken), nowMs());
    },
    rotateToken(igUserId) {
      return issueToken(store, store.account(igUserId), nowMs()).token;
    },
    setTokenScopes(igUserId, scopes) {
      currentToken(igUserId).scopes = [...scopes];
    },
    setTokenPages(igUserId, linkedIgUserIds) {
      for (const linked of linkedIgUserIds) if (linked !== null) store.account(linked);
      currentToken(igUserId).pages = [...linkedIgUserIds];
    },
    setTokenExpiry(igUserId, expiresAt, dataAccessExpiresAt) {
      const state = currentToken(igUserId);
      state.expiresAtMs = expiresAt.getTime();
      if (dataAccessExpiresAt) state.dataAccessExpiresAtMs = dataAccessExpiresAt.getTime();
    },
    setProfile(igUserId, partial) {
      Object.assign(store.account(igUserId).profile, partial);
    },
  };
}
