import type { Config } from '../config/config.js';
import {
  commentFields,
  mediaFields,
  PROFILE_FIELDS,
  withoutNestedInsights,
} from './graph-api.fields.js';
import { GraphHttp } from './graph-api.http.js';
import { paginate, type PagingOptions } from './graph-api.paging.js';
import {
  MAX_COMMENTS_PAGE_SIZE,
  MAX_MEDIA_PAGE_SIZE,
  retryPolicyOf,
  type AccountInsightsQuery,
  type GraphApiClientOptions,
  type ListMediaOptions,
} from './graph-api-client.options.js';
import { GraphApiTransport, type GraphCall } from './graph-api.transport.js';
import type {
  GraphPage,
  IgAccount,
  IgComment,
  IgInsight,
  IgMedia,
  IgProfile,
} from './graph-api.types.js';
import { GraphUrls } from './graph-api.urls.js';
import { GraphHosts } from './graph-hosts.js';
import { getProfileWithMedia, type ProfileWithMedia } from './profile-with-media.js';
import { ConnectCalls } from './connect-calls.js';
import { inHalves, mergeInsights } from './in-halves.js';
import { assertInsightWindow } from './insight-window.js';
import { LimitMemory } from './limit.memory.js';
import { refreshToken, type RefreshedToken } from './token-refresh.js';
import { RetryBudget } from './retry.budget.js';
import { UsagePacer } from './usage.pacer.js';

const unixSeconds = (date: Date): string => String(Math.floor(date.getTime() / 1000));
const clamp = (value: number, max: number): number => Math.max(1, Math.min(max, Math.floor(value)));
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Typed Graph API calls for the sync steps. Results keep the Graph API's snake_case names. */
export class GraphApiClient {
  private readonly http: GraphHttp;
  /** Facebook Login's host, and the Instagram-Login host that accounts of that flavour call. */
  private readonly hosts: GraphHosts;
  private readonly transport: GraphApiTransport;
  private readonly limits = new LimitMemory();
  private readonly instagramUrl: string;
  private readonly now: () => number;
  /** Per-account usage and blocks; shared by every call this client makes. */
  readonly pacer: UsagePacer;

  constructor(
    config: Pick<Config, 'graphApi'>,
    private readonly options: GraphApiClientOptions = {},
  ) {
    const { url, version, timeoutMs, maxRetries, appSecret } = config.graphApi;
    const now = options.now ?? Date.now;
    this.now = now;
    this.instagramUrl = (config.graphApi.instagramUrl ?? url).replace(/\/+$/, '');
    const sleep = options.sleep ?? realSleep;
    this.http = new GraphHttp({ timeoutMs, appSecret });
    this.hosts = new GraphHosts(
      new GraphUrls(url, version),
      new GraphUrls(this.instagramUrl, version),
    );
    this.pacer = new UsagePacer({
      now,
      sleep,
      slowdownFromPercent: options.slowdownFromPercent,
      maxSpacingMs: options.maxSpacingMs,
      maxWaitMs: options.maxThrottleWaitMs,
      maxConcurrentPerAccount: options.maxConcurrentPerAccount,
      onWait: options.metrics?.onWait?.bind(options.metrics),
    });
    this.transport = new GraphApiTransport({
      http: this.http,
      pacer: this.pacer,
      now,
      sleep,
      random: options.random ?? Math.random,
      logger: options.logger,
      metrics: options.metrics,
      retry: retryPolicyOf(options, maxRetries),
      budget: new RetryBudget({
        now,
        maxRetries: options.maxRetriesPerAccount,
        maxWaitMs: options.maxRetryWaitPerAccountMs,
      }),
    });
  }

  private pages<T>(call: GraphCall, options?: PagingOptions): AsyncIterable<GraphPage<T>> {
    const deps = {
      transport: this.transport,
      urls: this.hosts.of(call.account),
      limits: this.limits,
      logger: this.options.logger,
    };
    return paginate<T>(deps, call, options);
  }

  /** The profile; asked with fewer fields at a time while Instagram says it is too much. */
  getProfile(account: IgAccount): Promise<IgProfile> {
    const ask = (fields: readonly string[]) =>
      this.transport.get<IgProfile>(
        this.hosts.call(
          account,
          `/${account.igUserId}`,
          { fields: fields.join(',') },
          'account',
          'profile',
        ),
      );
    return inHalves(PROFILE_FIELDS.split(','), ask, (a, b) => ({ ...a, ...b }));
  }

  /**
   * The profile and the first media page (as `listMedia` would ask it) in one request; the
   * page's `paging.next` cursor goes on with `listMedia({ after })`.
   */
  getProfileWithMedia(
    account: IgAccount,
    options: ListMediaOptions = {},
  ): Promise<ProfileWithMedia> {
    const { fields, limit, since } = this.mediaParams(options);
    const deps = { transport: this.transport, hosts: this.hosts, limits: this.limits };
    return getProfileWithMedia({ ...deps, logger: this.options.logger }, account, {
      fields: fields!,
      limit: Number(limit),
      ...(since ? { since } : {}),
    });
  }

  /** The account's media, newest first, page by page, with the requested nested edges. */
  listMedia(account: IgAccount, options: ListMediaOptions = {}): AsyncIterable<GraphPage<IgMedia>> {
    const params = this.mediaParams(options);
    if (options.until) params.until = unixSeconds(options.until);
    if (options.after) params.after = options.after;
    const call = this.hosts.call(account, `/${account.igUserId}/media`, params, 'account', 'media');
    return this.pages<IgMedia>(call, {
      limitKind: 'media',
      fallback: options.withInsights ? withoutNestedInsights : undefined,
    });
  }

  /** `fields`, `limit` and `since` of a media page with the nested edges `options` ask for. */
  private mediaParams(options: ListMediaOptions): Record<string, string> {
    const comments = options.withComments;
    const fields = mediaFields({
      comments: comments && {
        limit: clamp(comments.limit ?? MAX_COMMENTS_PAGE_SIZE, MAX_COMMENTS_PAGE_SIZE),
        replies: comments.replies ?? true,
      },
      insights: options.withInsights,
    });
    const params: Record<string, string> = {
      fields,
      limit: String(clamp(options.pageSize ?? MAX_MEDIA_PAGE_SIZE, MAX_MEDIA_PAGE_SIZE)),
    };
    if (options.since) params.since = unixSeconds(options.since);
    return params;
  }

  /** A media's top-level comments, newest first, from the start or from an `after` cursor. */
  listComments(
    account: IgAccount,
    mediaId: string,
    options: { after?: string; pageSize?: number; replies?: boolean } = {},
  ): AsyncIterable<GraphPage<IgComment>> {
    const params: Record<string, string> = {
      fields: commentFields(options.replies ?? true),
      limit: String(clamp(options.pageSize ?? MAX_COMMENTS_PAGE_SIZE, MAX_COMMENTS_PAGE_SIZE)),
    };
    if (options.after) params.after = options.after;
    return this.pages<IgComment>(
      this.hosts.call(account, `/${mediaId}/comments`, params, 'media', 'comments'),
      { limitKind: 'comments' },
    );
  }

  /**
   * The pages after a nested first page (a media's expanded `comments`, a comment's expanded
   * `replies`), by its own `paging.next`: nothing when that page was the last.
   */
  async *continueEdge<T extends IgComment>(
    account: IgAccount,
    edge: GraphPage<T> | undefined,
    kind: 'comments' | 'replies',
  ): AsyncIterable<GraphPage<T>> {
    const next = edge?.paging?.next;
    if (!next) return;
    // Inside the generator, so a refused URL surfaces where the pages are read.
    const { url, params } = this.hosts.of(account).fromNext(next, account.igUserId);
    const node = kind === 'comments' ? 'media' : 'comment';
    yield* this.pages<T>({ account, url, params, node, endpoint: kind });
  }

  /** Account insights for one window of at most 30 days (one call; results as Instagram sends them). */
  async getAccountInsights(account: IgAccount, query: AccountInsightsQuery): Promise<IgInsight[]> {
    assertInsightWindow(query, account.igUserId);
    const params: Record<string, string> = {
      metric: query.metrics.join(','),
      period: query.period,
      since: unixSeconds(query.since),
      until: unixSeconds(query.until),
    };
    if (query.metricType) params.metric_type = query.metricType;
    if (query.breakdown) params.breakdown = query.breakdown;
    const call = this.hosts.call(
      account,
      `/${account.igUserId}/insights`,
      params,
      'account',
      'account_insights',
    );
    const page = await this.transport.get<GraphPage<IgInsight>>(call);
    return Array.isArray(page.data) ? page.data : [];
  }

  /**
   * Lifetime insights of one media (fewer metrics a call while Instagram says it is too much).
   * A media that has none throws a `skippable` GraphApiError.
   */
  async getMediaInsights(
    account: IgAccount,
    mediaId: string,
    metrics: readonly string[],
  ): Promise<IgInsight[]> {
    const ask = async (part: readonly string[]) => {
      const params = { metric: part.join(',') };
      const call = this.hosts.call(
        account,
        `/${mediaId}/insights`,
        params,
        'media',
        'media_insights',
      );
      const page = await this.transport.get<GraphPage<IgInsight>>(call);
      return Array.isArray(page.data) ? page.data : [];
    };
    return inHalves(metrics, ask, mergeInsights);
  }

  /**
   * The calls that connect an account, sharing one deadline of `budgetMs` from now: Instagram
   * failing makes them fail within it instead of retrying for minutes while a user waits.
   */
  forConnect(budgetMs: number): ConnectCalls {
    return new ConnectCalls({
      transport: this.transport.withDeadline(budgetMs),
      paging: { limits: this.limits, logger: this.options.logger },
      hosts: this.hosts,
    });
  }

  /**
   * A new long-lived Instagram-Login token for `account` (on the Instagram API's own host,
   * unversioned as Instagram documents it). The token goes in the header like every call.
   */
  refreshInstagramToken(account: IgAccount): Promise<RefreshedToken> {
    const call: GraphCall = {
      account,
      url: `${this.instagramUrl}/refresh_access_token`,
      params: { grant_type: 'ig_refresh_token' },
      node: 'account',
      endpoint: 'refresh_access_token',
    };
    return refreshToken(this.transport, call, this.now);
  }

  /** Closes keep-alive connections. */
  close(): void {
    this.http.close();
  }
}
