import type { SyncedDataRepositories } from '../db/repositories/create-repositories.js';
import type { IgAccountRecord } from '../db/repositories/ig-account.repository.js';
import type { AccountInsightRecord } from '../db/repositories/ig-account-insight.repository.js';
import type { CommentRecord } from '../db/repositories/ig-comment.repository.js';
import type { MediaInsightRecord } from '../db/repositories/ig-media-insight.repository.js';
import type { MediaRecord } from '../db/repositories/ig-media.repository.js';
import type { IgProfileRecord } from '../db/repositories/ig-profile.repository.js';
import type { IgProfileSnapshotRecord } from '../db/repositories/ig-profile-snapshot.repository.js';
import { decodeCursor, encodeCursor, type KeysetCursor } from '../db/repositories/keyset-cursor.js';
import { decodeAccountCursor, encodeAccountCursor } from './account-list-cursor.js';

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const cursorOf = (item: { timestamp: Date; id: string }) =>
  encodeCursor({ timestamp: item.timestamp, id: item.id });

function toConnection<T extends { timestamp: Date; id: string }>(page: {
  items: T[];
  hasNextPage: boolean;
}): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

const decode = (after: string | null | undefined): KeysetCursor | undefined =>
  after ? decodeCursor(after) : undefined;

/** Read side of what the runs wrote, as plain records and Relay connections. */
export class SyncedDataReader {
  constructor(private readonly repos: SyncedDataRepositories) {}

  findAccount(userNo: number): Promise<IgAccountRecord | null> {
    return this.repos.accounts.findByUserNo(userNo);
  }

  /** Connected accounts by user number, in any status; only `userNo`'s when set. */
  async accounts(args: {
    first: number;
    after?: string | null;
    userNo?: number;
  }): Promise<Connection<IgAccountRecord>> {
    const page = await this.repos.accounts.findPage({
      first: args.first,
      afterUserNo: args.after ? decodeAccountCursor(args.after) : undefined,
      userNo: args.userNo,
    });
    const edges = page.items.map((node) => ({ cursor: encodeAccountCursor(node.userNo), node }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  findProfile(igUserId: string): Promise<IgProfileRecord | null> {
    return this.repos.profiles.findByIgUserId(igUserId);
  }

  /** The account's daily profile snapshots of `since..until`, oldest first. */
  profileHistory(
    igUserId: string,
    range: { since: string; until: string },
  ): Promise<IgProfileSnapshotRecord[]> {
    return this.repos.profileSnapshots.findRange(igUserId, range.since, range.until);
  }

  async media(
    igUserId: string,
    args: { first: number; after?: string | null; since?: Date | null; until?: Date | null },
  ): Promise<Connection<MediaRecord>> {
    const page = await this.repos.media.findPage({
      igUserId,
      first: args.first,
      after: decode(args.after),
      since: args.since ?? undefined,
      until: args.until ?? undefined,
    });
    return toConnection(page);
  }

  async comments(
    mediaId: string,
    args: { first: number; after?: string | null },
  ): Promise<Connection<CommentRecord>> {
    return toConnection(
      await this.repos.comments.findTopLevelPage(mediaId, {
        first: args.first,
        after: decode(args.after),
      }),
    );
  }

  repliesOf(parentIds: readonly string[]): Promise<CommentRecord[]> {
    return this.repos.comments.findRepliesByParentIds(parentIds);
  }

  mediaInsightsOf(mediaIds: readonly string[]): Promise<MediaInsightRecord[]> {
    return this.repos.mediaInsights.findByMediaIds(mediaIds);
  }

  accountInsights(
    igUserId: string,
    args: { metrics?: readonly string[]; since: string; until: string },
  ): Promise<AccountInsightRecord[]> {
    return this.repos.accountInsights.findSeries({
      igUserId,
      metrics: args.metrics,
      since: args.since,
      until: args.until,
    });
  }
}
