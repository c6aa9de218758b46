/**
 * The fake's state: accounts, media, lazily generated comments and tokens, with id
 * lookups. It is also the public `data` (FakeDataset) that tests read as "the truth".
 */
import {
  dailyValue,
  isMeasured,
  rollingReach,
  type InsightSubject,
} from './account-insights.values.js';
import { commentTotal, materializeComments, type CommentPlan } from './comments.generator.js';
import type {
  FakeAccount,
  FakeChild,
  FakeComment,
  FakeDataset,
  FakeMedia,
  InsightPeriod,
} from './fake-graph-api.types.js';
import { commentMediaSerial, idKind, seedTag } from './fake-ids.js';
import { dayFromISO, fromGraphTime } from './graph-time.js';
import type { MediaDraft } from './media.generator.js';
import { mediaInsightValues } from './media-insights.values.js';

export interface MediaState {
  media: FakeMedia;
  serial: number;
  account: FakeAccount;
  plan: CommentPlan;
  comments?: FakeComment[];
  nextSeq: number;
}

export interface TokenState {
  token: string;
  account: FakeAccount;
  status: 'valid' | 'expired' | 'revoked';
  issuedAtMs: number;
  expiresAtMs: number;
  /** When the token stopped working (expired state). */
  expiredAtMs?: number;
  /** Permissions the user granted; default every read permission (`FULL_SCOPES`). */
  scopes?: string[];
  /** When data access lapses (90 days after the user's last activity); default issued + 90 d. */
  dataAccessExpiresAtMs?: number;
  /**
   * The Facebook Pages `/me/accounts` lists for this token, by the Instagram business account
   * each is linked to (null: a Page without one). Default: the account's own Page only.
   */
  pages?: Array<string | null>;
}

export interface StoreSettings {
  seed: number;
  averageComments: number;
  /** The data set's creation time: generated history ends there. */
  createdAtMs: number;
}

export class FakeStore implements FakeDataset {
  readonly accounts: FakeAccount[] = [];
  readonly tag: string;
  readonly tokens = new Map<string, TokenState>();
  private readonly accountsById = new Map<string, FakeAccount>();
  private readonly mediaById = new Map<string, MediaState>();
  private readonly mediaBySerial = new Map<number, MediaState>();
  private readonly childById = new Map<string, { child: FakeChild; parent: MediaState }>();
  private readonly commentsById = new Map<string, FakeComment>();
  private serialCounter = 0;

  constructor(
    readonly settings: StoreSettings,
    readonly now: () => Date,
  ) {
    this.tag = seedTag(settings.seed);
  }

  allocateSerial(): number {
    return this.serialCounter++;
  }

  registerAccount(account: FakeAccount, token: TokenState): void {
    this.accounts.push(account);
    this.accountsById.set(account.igUserId, account);
    this.tokens.set(token.token, token);
  }

  /** Adds media to its account (`front` = newest) and wires its lazy fields. */
  registerMedia(
    account: FakeAccount,
    draft: MediaDraft,
    serial: number,
    plan: CommentPlan,
    front: boolean,
  ): FakeMedia {
    const media = { ...draft, comments_count: commentTotal(plan) } as FakeMedia;
    const state: MediaState = { media, serial, account, plan, nextSeq: 0 };
    Object.defineProperty(media, 'comments', {
      enumerable: true,
      get: () => this.commentsOf(state),
    });
    Object.defineProperty(media, 'insights', {
      enumerable: true,
      get: () => mediaInsightValues(this.settings.seed, serial, media),
    });
    this.mediaById.set(media.id, state);
    this.mediaBySerial.set(serial, state);
    for (const child of media.children ?? [])
      this.childById.set(child.id, { child, parent: state });
    if (front) account.media.unshift(media);
    else account.media.push(media);
    return media;
  }

  /** The comments of a media, generated on first use. */
  commentsOf(state: MediaState): FakeComment[] {
    if (!state.comments) {
      const { comments, nextSeq } = materializeComments(
        this.commentContext(state),
        state.plan,
        fromGraphTime(state.media.timestamp),
        this.createdAtMs(state),
      );
      state.comments = comments;
      state.nextSeq = nextSeq;
      this.indexComments(comments);
    }
    return state.comments;
  }

  commentContext(state: MediaState): Parameters<typeof materializeComments>[0] {
    const { seed } = this.settings;
    const ownerUsername = state.account.profile.username;
    return { seed, tag: this.tag, serial: state.serial, mediaId: state.media.id, ownerUsername };
  }

  indexComments(comments: FakeComment[]): void {
    for (const c of comments) {
      this.commentsById.set(c.id, c);
      this.indexComments(c.replies);
    }
  }

  forgetComment(comment: FakeComment): void {
    this.commentsById.delete(comment.id);
    comment.replies.forEach((r) => this.commentsById.delete(r.id));
  }

  /** Generated comments stop at the data set's creation time, so reads never change them. */
  private createdAtMs(state: MediaState): number {
    return Math.max(this.settings.createdAtMs, fromGraphTime(state.media.timestamp) + 1000);
  }

  account(igUserId: string): FakeAccount {
    const account = this.accountsById.get(igUserId);
    if (!account) throw new Error(`No fake account ${igUserId}`);
    return account;
  }

  findAccount(igUserId: string): FakeAccount | undefined {
    return this.accountsById.get(igUserId);
  }

  accountByToken(token: string): FakeAccount | undefined {
    return this.tokens.get(token)?.account;
  }

  findMediaState(mediaId: string): MediaState | undefined {
    return this.mediaById.get(mediaId);
  }

  findMedia(mediaId: string): FakeMedia | undefined {
    return this.mediaById.get(mediaId)?.media;
  }

  findChild(childId: string): { child: FakeChild; parent: MediaState } | undefined {
    return this.childById.get(childId);
  }

  findComment(commentId: string): FakeComment | undefined {
    if (idKind(this.tag, commentId) !== 'comment') return undefined;
    const state = this.mediaBySerial.get(commentMediaSerial(commentId));
    if (state) this.commentsOf(state);
    return this.commentsById.get(commentId);
  }

  /** The IG account an id belongs to (itself, or the owner of a media/child/comment). */
  ownerOf(id: string): string | undefined {
    const kind = idKind(this.tag, id);
    if (kind === 'account') return this.accountsById.get(id)?.igUserId;
    if (kind === 'comment') return this.mediaBySerial.get(commentMediaSerial(id))?.account.igUserId;
    if (kind !== 'media') return undefined;
    return (this.mediaById.get(id) ?? this.childById.get(id)?.parent)?.account.igUserId;
  }

  visibleMedia(account: FakeAccount): FakeMedia[] {
    return account.media.filter((m) => !m.deleted);
  }

  insightSubject(account: FakeAccount): InsightSubject {
    const { seed } = this.settings;
    return { seed, accountIndex: account.index, followers: account.profile.followers_count };
  }

  accountInsight(
    igUserId: string,
    metric: string,
    period: InsightPeriod,
    day: string,
  ): number | null {
    const dayNumber = dayFromISO(day);
    if (dayNumber === undefined) throw new Error(`Bad day ${day}, expected YYYY-MM-DD`);
    const subject = this.insightSubject(this.account(igUserId));
    if (!isMeasured(subject, dayNumber, this.now().getTime())) return null;
    if (period === 'day') return dailyValue(subject, metric, dayNumber);
    if (metric !== 'reach') throw new Error(`${metric} has no ${period} period`);
    return rollingReach(subject, period === 'week' ? 7 : 28, dayNumber);
  }
}
