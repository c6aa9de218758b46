/**
 * Comments are generated per media on first access (lazy) from (seed, media serial), so
 * big data sets start fast and the result does not depend on which media is read first.
 * Only the counts are planned eagerly, because `comments_count` is on every media row.
 */
import type { FakeComment } from './fake-graph-api.types.js';
import { commenterId, commentId } from './fake-ids.js';
import { toGraphTime } from './graph-time.js';
import { commentText, username } from './korean-text.generator.js';
import { SeededRandom } from './seeded-random.js';

export interface CommentPlan {
  /** Replies per top-level comment, oldest comment first. */
  replies: number[];
}

export function commentTotal(plan: CommentPlan): number {
  return plan.replies.reduce((sum, n) => sum + n + 1, 0);
}

/**
 * `average` top-level comments on average; ~15 % of media have none. A `many` media gets
 * 300+ top-level comments and a first thread of 30 replies (more than one replies page).
 */
export function planComments(
  seed: number,
  serial: number,
  average: number,
  many: boolean,
): CommentPlan {
  const rng = new SeededRandom(seed, 2, serial);
  let top = 0;
  if (many) top = Math.max(300, average * 10) + rng.int(0, 40);
  else if (average > 0 && !rng.chance(0.15)) {
    top = Math.min(Math.round((-Math.log(1 - rng.next()) * average) / 0.85), average * 8);
  }
  const replies = Array.from({ length: top }, () => (rng.chance(0.7) ? 0 : rng.int(1, 5)));
  if (many && top > 0) replies[top - 1] = 30;
  return { replies };
}

export interface CommentContext {
  seed: number;
  tag: string;
  serial: number;
  mediaId: string;
  ownerUsername: string;
}

function makeComment(ctx: CommentContext, seq: number, ms: number, parentId?: string): FakeComment {
  const rng = new SeededRandom(ctx.seed, 3, ctx.serial, seq);
  const author = username(rng);
  return {
    id: commentId(ctx.tag, ctx.serial, seq),
    text: commentText(rng, ctx.ownerUsername),
    timestamp: toGraphTime(ms),
    username: author,
    like_count: rng.chance(0.6) ? 0 : rng.int(1, 60),
    hidden: rng.chance(0.03),
    ...(parentId ? { parent_id: parentId } : {}),
    replies: [],
    mediaId: ctx.mediaId,
    fromId: commenterId(author),
  };
}

/** Times between `fromMs` and `toMs`, skewed towards `fromMs`, ascending, whole seconds. */
function times(rng: SeededRandom, count: number, fromMs: number, toMs: number): number[] {
  const span = Math.max(toMs - fromMs, 1000);
  return Array.from({ length: count }, () => fromMs + span * rng.next() ** 3)
    .map((ms) => Math.floor(ms / 1000) * 1000)
    .sort((a, b) => a - b);
}

/**
 * The comments of one media, newest first. Ids grow with time: top-level comments take
 * sequence numbers 0… in chronological order, then each thread's replies follow.
 */
export function materializeComments(
  ctx: CommentContext,
  plan: CommentPlan,
  mediaMs: number,
  nowMs: number,
): { comments: FakeComment[]; nextSeq: number } {
  const rng = new SeededRandom(ctx.seed, 5, ctx.serial);
  const topTimes = times(rng, plan.replies.length, mediaMs + 1000, nowMs);
  const top = topTimes.map((ms, seq) => makeComment(ctx, seq, ms));
  let seq = top.length;
  top.forEach((comment, k) => {
    const replyTimes = times(rng, plan.replies[k] ?? 0, (topTimes[k] ?? mediaMs) + 1000, nowMs);
    const replies = replyTimes.map((ms) => makeComment(ctx, seq++, ms, comment.id));
    comment.replies = replies.reverse();
  });
  return { comments: top.reverse(), nextSeq: seq };
}

/**
 * New comments made by a mutation, newest first; the newest is stamped `latestMs` (the
 * caller keeps it after every existing comment so the list stays sorted).
 */
export function freshComments(
  ctx: CommentContext,
  firstSeq: number,
  count: number,
  latestMs: number,
  parentId?: string,
): FakeComment[] {
  const base = Math.floor(latestMs / 1000) * 1000;
  const made = Array.from({ length: count }, (_, k) =>
    makeComment(ctx, firstSeq + k, base - (count - 1 - k) * 1000, parentId),
  );
  return made.reverse();
}
