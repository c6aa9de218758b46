/**
 * One account's share of the call floor for a given media page size P and nested comments
 * page size L (see call-floor.ts for the model). Pure: reads the fake's data set only.
 */
import type { FakeAccount, FakeMedia } from '@instagram-sync/fake-instagram-graph-api';

/** Replies the fake nests under each comment when `replies{…}` has no limit (its default page). */
export const NESTED_REPLIES = 25;
/** The fake's largest comments or replies page (`limit` is capped there). */
export const COMMENTS_PAGE_MAX = 50;

const DAY_MS = 86_400_000;

/** What the account had at the previous run, when there was one. */
export interface StoredMedia {
  runAt: Date;
  /** `comments_count` of each media when the previous run read it. */
  commentCounts: ReadonlyMap<string, number>;
}

/** Calls of one account's media, comments and media insights, and their dependency chains. */
export interface MediaFloor {
  /** Profile + first media page in one call, then one per further page. */
  mediaPages: number;
  comments: number;
  replies: number;
  mediaInsights: number;
  /** The longest run of calls that wait for each other in the comments (pages of one thread). */
  longestCommentChain: number;
}

/** Live media of the window, newest first, as the media edge lists them with `since`. */
export function mediaInWindow(account: FakeAccount, windowStart: Date): FakeMedia[] {
  const from = windowStart.getTime();
  return account.media.filter(
    (m) => !m.deleted && Date.parse(m.timestamp.replace('+0000', 'Z')) >= from,
  );
}

const overflowCalls = (items: number, nested: number): number =>
  items > nested ? Math.ceil((items - nested) / COMMENTS_PAGE_MAX) : 0;

/** A thread's calls beyond the nested first page: more top-level pages, more reply pages. */
function threadCalls(media: FakeMedia, nestedComments: number) {
  const top = media.comments;
  const topPages = overflowCalls(top.length, nestedComments);
  let replies = 0;
  let chain = topPages;
  top.forEach((comment, position) => {
    const more = overflowCalls(comment.replies.length, NESTED_REPLIES);
    if (more === 0) return;
    replies += more;
    // A comment on continuation page k is known only after k calls of its thread.
    const page =
      position < nestedComments
        ? 0
        : 1 + Math.floor((position - nestedComments) / COMMENTS_PAGE_MAX);
    chain = Math.max(chain, page + more);
  });
  return { comments: topPages, replies, chain };
}

/**
 * Whether a media's insights are due by the cadence (by age: under 7 days every run, 7–30
 * days every 3 days, older every 7 days), counted from the previous run's read.
 */
export function isInsightDue(media: FakeMedia, now: Date, stored?: StoredMedia): boolean {
  if (!stored) return true;
  const age = now.getTime() - Date.parse(media.timestamp.replace('+0000', 'Z'));
  const since = now.getTime() - stored.runAt.getTime();
  if (age < 7 * DAY_MS) return true;
  return since >= (age <= 30 * DAY_MS ? 3 : 7) * DAY_MS;
}

/**
 * Per-media insight calls: only media on a page where one media's nested insights fail
 * (posted before the business conversion), for each other media of that page that is due.
 */
function fallbackInsightCalls(
  media: FakeMedia[],
  pageSize: number,
  now: Date,
  stored?: StoredMedia,
): number {
  let calls = 0;
  for (let start = 0; start < media.length; start += pageSize) {
    const page = media.slice(start, start + pageSize);
    if (!page.some((m) => m.preConversion)) continue;
    calls += page.filter((m) => !m.preConversion && isInsightDue(m, now, stored)).length;
  }
  return calls;
}

export function mediaFloor(
  media: FakeMedia[],
  sizes: { pageSize: number; nestedComments: number },
  now: Date,
  stored?: StoredMedia,
): MediaFloor {
  const floor: MediaFloor = {
    mediaPages: Math.max(1, Math.ceil(media.length / sizes.pageSize)),
    comments: 0,
    replies: 0,
    mediaInsights: fallbackInsightCalls(media, sizes.pageSize, now, stored),
    longestCommentChain: 0,
  };
  for (const m of media) {
    const changed = !stored || stored.commentCounts.get(m.id) !== m.comments_count;
    if (!changed || m.comments_count === 0) continue;
    const thread = threadCalls(m, sizes.nestedComments);
    floor.comments += thread.comments;
    floor.replies += thread.replies;
    floor.longestCommentChain = Math.max(floor.longestCommentChain, thread.chain);
  }
  return floor;
}
