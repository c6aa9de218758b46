/**
 * Shapes the Graph API returns, with its own snake_case field names. Upper layers map them to
 * camelCase; this layer only types what comes over the wire.
 */

/** An Instagram professional account as the client needs it: whose token calls on whose behalf. */
export interface IgAccount {
  readonly igUserId: string;
  readonly accessToken: string;
  /** Which host the account's calls go to: graph.facebook.com (default) or graph.instagram.com. */
  readonly loginType?: 'FACEBOOK' | 'INSTAGRAM';
}

export interface GraphPaging {
  cursors?: { before?: string; after?: string };
  /** Absent on the last page. A short page is not the last page; only a missing `next` is. */
  next?: string;
  previous?: string;
}

/** One page of an edge, top level or nested inside an expanded field. */
export interface GraphPage<T> {
  data: T[];
  paging?: GraphPaging;
}

export interface IgProfile {
  id: string;
  ig_id?: number | string;
  username: string;
  name?: string;
  biography?: string;
  website?: string;
  followers_count?: number;
  follows_count?: number;
  media_count?: number;
  profile_picture_url?: string;
}

export interface IgComment {
  id: string;
  text?: string;
  timestamp: string;
  username?: string;
  like_count?: number;
  hidden?: boolean;
  /** Set on replies only. */
  parent_id?: string;
  /** First page of replies when expanded with `replies{…}`. */
  replies?: GraphPage<IgComment>;
}

export interface IgMediaChild {
  id: string;
  media_type?: string;
  media_url?: string;
  thumbnail_url?: string;
}

/** One value of an insight: time series carry `end_time`; lifetime media values do not. */
export interface IgInsightValue {
  value: number | Record<string, number>;
  end_time?: string;
}

export interface IgInsight {
  name: string;
  period: string;
  values?: IgInsightValue[];
  /** `metric_type=total_value` answers: one total for the whole since→until range. */
  total_value?: { value: number; breakdowns?: unknown[] };
  title?: string;
  description?: string;
  id?: string;
}

export interface IgMedia {
  id: string;
  ig_id?: string;
  caption?: string;
  media_type: string;
  /** The only field that tells a Reel (`REELS`) from a feed video. */
  media_product_type?: string;
  /** Left out for media flagged for copyright; CDN URLs expire. */
  media_url?: string;
  thumbnail_url?: string;
  permalink?: string;
  shortcode?: string;
  timestamp: string;
  like_count?: number;
  comments_count?: number;
  is_comment_enabled?: boolean;
  children?: GraphPage<IgMediaChild>;
  /** First page of top-level comments, when requested with `withComments`. */
  comments?: GraphPage<IgComment>;
  /** Lifetime insights, when requested with `withInsights`. */
  insights?: GraphPage<IgInsight>;
}
