/**
 * The floor of Graph API calls for one sync run: the fewest calls that read the window's
 * data from the fake, computed from the fake's ground truth (`fake.data`). A pure function of
 * the data set, the window and what the previous run stored; it imports nothing of the
 * service. The bench and the CI check (test/integration/sync/call-floor.test.ts) share it.
 *
 * Assumptions (bench/results/sync.md repeats them):
 * - Profile + first media page: one call (field expansion on the IG user node); one call per
 *   further media page. Pages = max(1, ceil(M_w / P)), M_w = live media with timestamp ≥ the
 *   window start (the `since` filter).
 * - P media a page (≤ 100) with L comments nested in each (≤ 50), within the fake's expansion
 *   estimate P + P × L ≤ `maxExpansionItems` (default 4000; graph-edges.render.ts). The floor
 *   takes the (P, L) pair with the fewest calls in total (for each L, the largest P allowed).
 * - Comments: a media with T top-level comments costs ceil((T − L) / 50) more calls when
 *   T > L (continued from the nested page); a comment with R replies ceil((R − 25) / 50) when
 *   R > 25 (the fake nests 25 replies when `replies{…}` has no limit; 50 is its largest
 *   page). No comments: no call. A re-sync reads only media whose `comments_count` differs
 *   from the one stored (new media included).
 * - Media insights: nested in the media pages (0 calls), except on a page holding a media
 *   whose nested insights fail (`preConversion`): one call for each other media of that page,
 *   on a re-sync only when due by age (< 7 days every run, 7–30 days every 3 days, older every
 *   7 days); the refusing media cost 0.
 * - Account insights: the days D from the window's first day to Pacific yesterday not stored
 *   as final by the previous run, plus the trailing 3 days. One `total_value` call per day
 *   carries every total_value metric with follows_and_unfollows (`breakdown=follow_type`);
 *   time series (`reach`, `follower_count`, the latter sharing the newest window) take one
 *   call per 30-day window aligned at the newest day.
 * - Connect calls (debug_token, token checks) are not part of a run: compare the floor with
 *   the requests made between the run's start and its end only.
 */
import type { FakeAccount } from '@instagram-sync/fake-instagram-graph-api';
import { mediaFloor, mediaInWindow, type MediaFloor, type StoredMedia } from './account-floor.js';
import { ENDPOINTS, type Endpoint } from './graph-calls.js';
import { insightDaysToRead, seriesWindows } from './insight-days.floor.js';

export const DEFAULT_MAX_EXPANSION_ITEMS = 4000;
const MAX_MEDIA_PAGE = 100;
const MAX_NESTED_COMMENTS = 50;

/** What the previous run stored: its start, its first insight day, the comment counts it read. */
export interface StoredState extends StoredMedia {
  firstDay: string;
}

export interface FloorInput {
  accounts: readonly FakeAccount[];
  /** The run's window start (GraphQL `windowStart`): media since then. */
  windowStart: Date;
  /** The window's first day in the service's zone (see `windowStartDay`). */
  firstDay: string;
  /** When the run starts. */
  now: Date;
  /** The fake's `maxExpansionItems`; default 4000. */
  maxExpansionItems?: number;
  /** Absent on a first sync. */
  stored?: StoredState;
}

export interface AccountFloor extends MediaFloor {
  igUserId: string;
  accountInsights: number;
  calls: number;
}

export interface CallFloor {
  pageSize: number;
  nestedComments: number;
  total: number;
  byEndpoint: Record<Endpoint, number>;
  accounts: AccountFloor[];
}

/** The (P, L) pairs worth trying: for each L, the largest P the expansion limit allows. */
function candidateSizes(maxItems: number): Array<{ pageSize: number; nestedComments: number }> {
  const pairs = [];
  for (let l = MAX_NESTED_COMMENTS; l >= 0; l -= 1) {
    const pageSize = Math.min(MAX_MEDIA_PAGE, Math.floor(maxItems / (l + 1)));
    if (pageSize >= 1) pairs.push({ pageSize, nestedComments: l });
    if (pageSize === MAX_MEDIA_PAGE) break; // a smaller L with the same P only costs more
  }
  return pairs;
}

function byEndpointOf(accounts: AccountFloor[]): Record<Endpoint, number> {
  const sum = (pick: (a: AccountFloor) => number) => accounts.reduce((n, a) => n + pick(a), 0);
  const counts = Object.fromEntries(ENDPOINTS.map((e) => [e, 0])) as Record<Endpoint, number>;
  counts.profile = accounts.length;
  counts.media = sum((a) => a.mediaPages - 1);
  counts.comments = sum((a) => a.comments);
  counts.replies = sum((a) => a.replies);
  counts.accountInsights = sum((a) => a.accountInsights);
  counts.mediaInsights = sum((a) => a.mediaInsights);
  return counts;
}

/** The floor of calls for the run `input` describes (see the assumptions above). */
export function callFloor(input: FloorInput): CallFloor {
  const days = insightDaysToRead(input.firstDay, input.now, input.stored);
  const accountInsights = days.length + seriesWindows(days);
  const media = input.accounts.map((a) => mediaInWindow(a, input.windowStart));
  let best: CallFloor | undefined;
  for (const sizes of candidateSizes(input.maxExpansionItems ?? DEFAULT_MAX_EXPANSION_ITEMS)) {
    const accounts = input.accounts.map((account, i): AccountFloor => {
      const floor = mediaFloor(media[i]!, sizes, input.now, input.stored);
      const calls = floor.mediaPages + floor.comments + floor.replies + floor.mediaInsights;
      return {
        igUserId: account.igUserId,
        ...floor,
        accountInsights,
        calls: calls + accountInsights,
      };
    });
    const total = accounts.reduce((n, a) => n + a.calls, 0);
    if (!best || total < best.total) {
      best = { ...sizes, total, byEndpoint: byEndpointOf(accounts), accounts };
    }
  }
  return best!;
}

/**
 * What a run that started at `runAt` leaves stored, for the floor of the next one: the
 * comment counts the fake shows now (call it right after the run, before any mutation).
 */
export function storedAfterRun(
  accounts: readonly FakeAccount[],
  runAt: Date,
  firstDay: string,
): StoredState {
  const commentCounts = new Map<string, number>();
  for (const account of accounts) {
    for (const m of account.media) commentCounts.set(m.id, m.comments_count);
  }
  return { runAt, firstDay, commentCounts };
}
