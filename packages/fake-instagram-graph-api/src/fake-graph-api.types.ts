/**
 * Public types of the fake Instagram Graph API (the package README describes them).
 * Field names of the data set follow the Graph API's own snake_case names so that test
 * assertions can compare stored rows with "the truth" one to one.
 */

export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
export type MediaProductType = 'FEED' | 'REELS';
/** Codes the Graph API uses for throttling (§6 of the reference). */
export type ThrottleCode = 4 | 17 | 32 | 613 | 80002;

export interface FakeGraphApiOptions {
  /** Port on 127.0.0.1; default 0 (random). */
  port?: number;
  /** Interface to listen on instead of 127.0.0.1 (`0.0.0.0` in a container). */
  host?: string;
  /**
   * Base URL clients reach it at, for `url` and paging links, when that is not
   * `http://127.0.0.1:<port>` (e.g. `http://fake-graph:4010` between containers).
   */
  publicUrl?: string;
  /** Same seed + sizes (+ same `now`) → identical data set. Default 1. */
  seed?: number;
  /** Number of accounts, default 3. */
  accounts?: number;
  /** Media per account, default 30 (accounts after the first vary ±20 %, deterministically). */
  media?: number;
  /** Average top-level comments per media, default 10 (some media 0; one 300+ when media ≥ 10). */
  comments?: number;
  /** The fake's clock (default real time); data timestamps are relative to it at creation. */
  now?: () => Date;
  /** Calls per token per rolling hour before throttling. Default 100000. */
  callBudget?: number;
  /** Base latency per request in ms. Default 0. */
  latencyMs?: number;
  /** Error code answered when a token exceeds `callBudget`. Default 80002 (Instagram BUC). */
  throttleCode?: ThrottleCode;
  /**
   * Largest field expansion accepted before answering code 1 "Please reduce the amount of
   * data…". The estimate is the sum, over every `media` and `comments` edge in the request,
   * of the product of the page sizes on its path (`replies`, `children`, `insights` are not
   * counted). Default 4000: media.limit(100){comments.limit(50)} = 5100 fails,
   * media.limit(50){comments.limit(50)} = 2550 passes.
   */
  maxExpansionItems?: number;
}

export interface FakeProfile {
  id: string;
  ig_id: number;
  username: string;
  name: string;
  biography: string;
  website: string;
  followers_count: number;
  follows_count: number;
  media_count: number;
  profile_picture_url: string;
}

export interface FakeComment {
  id: string;
  text: string;
  /** Graph format, e.g. `2019-04-05T07:56:32+0000`. */
  timestamp: string;
  username: string;
  like_count: number;
  hidden: boolean;
  /** Set on replies only. */
  parent_id?: string;
  /** Newest first; always empty on a reply. */
  replies: FakeComment[];
  /** The media the comment belongs to. */
  mediaId: string;
  /** The commenter's IG-scoped id (`from.id`). */
  fromId: string;
}

export interface FakeChild {
  id: string;
  media_type: 'IMAGE' | 'VIDEO';
  media_url: string;
  thumbnail_url?: string;
  permalink: string;
  shortcode: string;
  timestamp: string;
}

export interface FakeMedia {
  id: string;
  ig_id?: string;
  /** '' when the post has no caption (the API then leaves the field out). */
  caption: string;
  media_type: MediaType;
  media_product_type: MediaProductType;
  /** Absent when the media is flagged for copyright (the API leaves it out). */
  media_url?: string;
  thumbnail_url?: string;
  permalink: string;
  shortcode: string;
  timestamp: string;
  like_count: number;
  /** Top-level comments + replies, like the real field. */
  comments_count: number;
  is_comment_enabled: boolean;
  children?: FakeChild[];
  deleted?: boolean;
  /** Newest first, top-level only; replies hang below. Generated on first access. */
  comments: FakeComment[];
  /** Lifetime media insights valid for this media's type (likes/comments follow the counts). */
  insights: Record<string, number>;
  ownerId: string;
  /** Posted before the account became a business account: insights fail with 100/2108006. */
  preConversion: boolean;
}

export interface FakeAccount {
  igUserId: string;
  /** The current valid token of this account. */
  accessToken: string;
  profile: FakeProfile;
  /** Newest first, including media marked `deleted`. */
  media: FakeMedia[];
  /** Index of the account in the data set (0-based). */
  index: number;
  /** App-scoped id answered as `id` by `/me` (Instagram-Login flavour). */
  appScopedId: string;
  /** When the account was converted to business; older media are `preConversion`. */
  convertedAt?: string;
}

export type InsightPeriod = 'day' | 'week' | 'days_28';

export interface FakeDataset {
  accounts: FakeAccount[];
  /** Throws when unknown. */
  account(igUserId: string): FakeAccount;
  accountByToken(token: string): FakeAccount | undefined;
  findMedia(mediaId: string): FakeMedia | undefined;
  findComment(commentId: string): FakeComment | undefined;
  /**
   * The daily value of an account metric for a day in the Graph API's day buckets
   * (Pacific days: the bucket of `2025-06-01` ends at `2025-06-02T07:00:00+0000`, of `2025-12-01` at `2025-12-02T08:00:00+0000`).
   * `null` = not yet measured at the fake's current time.
   */
  accountInsight(
    igUserId: string,
    metric: string,
    period: InsightPeriod,
    day: string,
  ): number | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Query parameters without any token (`access_token`, `input_token`). */
  query: Record<string, string>;
  /** HTTP status, 0 while unanswered (a `timeout` fault never answers). */
  status: number;
  /**
   * The Graph error `code` of an error answer (e.g. 80002 when throttled; the status alone
   * does not tell a throttle from a bad parameter: both are 400). Absent on success.
   */
  errorCode?: number;
  /** The IG account the request concerned (node owner, else the token's account). */
  igUserId?: string;
  /** Arrival time on the fake's clock, ISO-8601. */
  at: string;
}

export interface FaultMatch {
  /** A RegExp tested on the path, or a substring of it (e.g. '/comments'). */
  path?: RegExp | string;
  igUserId?: string;
  /** Query parameters the request must carry with these values (`null`: must not carry it). */
  query?: Record<string, string | null>;
}

interface FaultBase {
  match?: FaultMatch;
  /** How many requests the fault hits before it retires (default: unlimited). */
  times?: number;
  /** Let this many matching requests through untouched first. */
  afterCalls?: number;
  /**
   * The share of matching requests it hits, 0–1 (default 1), drawn from the registry's seeded
   * generator: the same faults, seed and request order hit the same requests.
   */
  rate?: number;
}

export type Fault = FaultBase &
  (
    | { kind: 'latency'; ms: number }
    | { kind: 'http5xx'; status?: 500 | 502 | 503 }
    | { kind: 'timeout' }
    | {
        kind: 'throttle';
        code?: ThrottleCode;
        /** Each hit answers one of these codes, drawn at random (instead of `code`). */
        codes?: readonly ThrottleCode[];
        regainMinutes?: number;
      }
    | { kind: 'tokenExpired'; atCall?: number }
    | { kind: 'badPage' }
    | { kind: 'transientError' }
    /** Answers normally but leaves the nested `edge` (e.g. 'comments') out of every node. */
    | { kind: 'omitNestedEdge'; edge: string }
    /** Code 1 "Please reduce the amount of data you're asking for", as Instagram words it. */
    | { kind: 'tooMuchData' }
    /** Code 10 (default) or 200: a permission the app or the token lacks. */
    | { kind: 'permission'; code?: 10 | 200 }
    /** Media insights refused with 100/2108006 (posted before the business conversion). */
    | { kind: 'skippableMedia' }
    /**
     * Account insights refuse `breakdown` beside any metric other than
     * `follows_and_unfollows` (code 100), as the real API may: other requests pass untouched
     * and are not counted by `times` or `afterCalls`.
     */
    | { kind: 'combinedBreakdown' }
  );

export interface FaultControl {
  add(fault: Fault): string;
  remove(id: string): void;
  clear(): void;
}

export interface FakeMutations {
  /** New media, newest first, posted "now" on the fake clock. */
  addMedia(igUserId: string, count: number): FakeMedia[];
  /** Marks the media deleted: gone from /media, its node answers 100/33. */
  deleteMedia(mediaId: string): void;
  /** New top-level comments (newest first); `comments_count` follows. */
  addComments(mediaId: string, count: number): FakeComment[];
  /** New replies under a top-level comment; the media's `comments_count` follows. */
  addReplies(commentId: string, count: number): FakeComment[];
  /** Removes a comment or reply (a comment's replies go with it). */
  deleteComment(commentId: string): void;
  setLikeCount(mediaId: string, n: number): void;
  /** The account's token now answers 190/460 (session invalidated). */
  revokeToken(igUserId: string): void;
  /** The account's token now answers 190/463 (expired). */
  expireToken(igUserId: string): void;
  /** Issues a new valid token for the account (the old one keeps its state). */
  rotateToken(igUserId: string): string;
  /** The permissions `/debug_token` reports for the account's current token. */
  setTokenScopes(igUserId: string, scopes: readonly string[]): void;
  /**
   * The Facebook Pages `/me/accounts` lists for the account's current token, each by the
   * Instagram business account linked to it (null: a Page with none); `[]`: no Pages.
   * Only discovery changes: the token still reads its own account's nodes only.
   */
  setTokenPages(igUserId: string, linkedIgUserIds: ReadonlyArray<string | null>): void;
  /**
   * When the account's current token expires (and, when given, its data access lapses):
   * the token stops working then, and `/debug_token` reports it.
   */
  setTokenExpiry(igUserId: string, expiresAt: Date, dataAccessExpiresAt?: Date): void;
  setProfile(igUserId: string, partial: Partial<Omit<FakeProfile, 'id'>>): void;
}

export interface FakeGraphApi {
  /** e.g. http://127.0.0.1:40123 (no trailing slash); paths are /{version}/... (graph.facebook.com) */
  url: string;
  /** The Instagram-Login host (graph.instagram.com) on the same server: `${url}/instagram`. */
  instagramUrl: string;
  requests: RecordedRequest[];
  data: FakeDataset;
  faults: FaultControl;
  mutate: FakeMutations;
  close(): Promise<void>;
}
