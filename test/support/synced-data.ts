import { expect } from '@jest/globals';
import type { FakeAccount, FakeMedia } from '@instagram-sync/fake-instagram-graph-api';
import type { GqlResult, TestService } from './service.js';

/**
 * One account as the service serves it: profile, and media two at a time with their first 100
 * comments and up to 50 replies each (the fake's longest thread has 30), within the cost limit.
 */
export const ACCOUNT_QUERY = `query($userNo: Int!, $after: String) { instagramAccount(userNo: $userNo) {
  igUserId profile { username followersCount followsCount mediaCount biography }
  media(first: 2, after: $after) { pageInfo { hasNextPage endCursor }
    edges { node { id caption mediaType mediaProductType likeCount commentsCount timestamp permalink
      comments(first: 100) { pageInfo { hasNextPage } edges { node { id text username replies(first: 50) { id text } } } } } } } } }`;

export interface MediaNode {
  id: string;
  caption: string | null;
  mediaType: string;
  mediaProductType: string | null;
  likeCount: number;
  commentsCount: number;
  timestamp: string;
  comments: {
    pageInfo: { hasNextPage: boolean };
    edges: Array<{
      node: { id: string; text: string; replies: Array<{ id: string; text: string }> };
    }>;
  };
}

type MediaPage = {
  instagramAccount: {
    media: {
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: Array<{ node: MediaNode }>;
    };
  };
};

/** Every media of an account as the service serves it over GraphQL, page by page. */
export async function servedMedia(service: TestService, userNo: number): Promise<MediaNode[]> {
  const nodes: MediaNode[] = [];
  let after: string | null = null;
  for (;;) {
    const result: GqlResult<MediaPage> = await service.gql<MediaPage>(ACCOUNT_QUERY, {
      userNo,
      after,
    });
    expect(result.errors).toBeUndefined();
    const media: MediaPage['instagramAccount']['media'] = result.data!.instagramAccount.media;
    nodes.push(...media.edges.map((e) => e.node));
    if (!media.pageInfo.hasNextPage) return nodes;
    after = media.pageInfo.endCursor;
  }
}

/** A media reduced to what the comparison looks at, from either side. */
interface MediaFacts {
  id: string;
  caption: string | null;
  mediaType: string;
  mediaProductType: string | null;
  likeCount: number;
  commentsCount: number;
  timestampMs: number;
  /** The first 100 top-level comments, newest first, as [id, text]. */
  comments: Array<[string, string]>;
  /** Their replies as [id, text], sorted by id. */
  replies: Array<[string, string]>;
}

const graphTimeMs = (time: string) => Date.parse(time.replace('+0000', 'Z'));
const byId = (a: [string, string], b: [string, string]) => a[0].localeCompare(b[0]);

function factsOfStored(media: MediaNode): MediaFacts {
  const comments = media.comments.edges.map((e) => e.node);
  return {
    id: media.id,
    caption: media.caption,
    mediaType: media.mediaType,
    mediaProductType: media.mediaProductType,
    likeCount: media.likeCount,
    commentsCount: media.commentsCount,
    timestampMs: new Date(media.timestamp).getTime(),
    comments: comments.map((c) => [c.id, c.text]),
    replies: comments
      .flatMap((c) => c.replies.map((r): [string, string] => [r.id, r.text]))
      .sort(byId),
  };
}

function factsOfFake(media: FakeMedia): MediaFacts {
  const comments = media.comments.slice(0, 100);
  return {
    id: media.id,
    caption: media.caption === '' ? null : media.caption,
    mediaType: media.media_type,
    mediaProductType: media.media_product_type,
    likeCount: media.like_count,
    commentsCount: media.comments_count,
    timestampMs: graphTimeMs(media.timestamp),
    comments: comments.map((c) => [c.id, c.text]),
    replies: comments
      .flatMap((c) => c.replies.map((r): [string, string] => [r.id, r.text]))
      .sort(byId),
  };
}

/**
 * Asserts that the service serves, for every account of the fake (connected as userNo 1, 2, …),
 * exactly the fake's profile and its media since `windowStart` with their comments and replies.
 */
export async function expectStoredAsFake(
  service: TestService,
  accounts: readonly FakeAccount[],
  windowStart: Date,
): Promise<void> {
  for (const [index, account] of accounts.entries()) {
    await expectAccountStoredAsFake(service, account, index + 1, windowStart);
  }
}

/** The same for one account, connected as `userNo`. */
export async function expectAccountStoredAsFake(
  service: TestService,
  account: FakeAccount,
  userNo: number,
  windowStart: Date,
): Promise<void> {
  const result = await service.gql<{ instagramAccount: { profile: Record<string, unknown> } }>(
    ACCOUNT_QUERY,
    { userNo },
  );
  expect(result.data?.instagramAccount.profile).toEqual({
    username: account.profile.username,
    followersCount: account.profile.followers_count,
    followsCount: account.profile.follows_count,
    mediaCount: account.profile.media_count,
    biography: account.profile.biography,
  });
  const expected = account.media.filter(
    (m) => !m.deleted && graphTimeMs(m.timestamp) >= windowStart.getTime(),
  );
  const stored = await servedMedia(service, userNo);
  expect(stored.map((m) => m.id)).toEqual(expected.map((m) => m.id));
  expect(stored.map(factsOfStored)).toEqual(expected.map(factsOfFake));
}
