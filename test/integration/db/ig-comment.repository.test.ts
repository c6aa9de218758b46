import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CommentRecord } from '../../../src/db/repositories/ig-comment.repository.js';
import {
  decodeCursor,
  encodeCursor,
  type Page,
} from '../../../src/db/repositories/keyset-cursor.js';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  BIG_IDS,
  commentFixture,
  KOREAN_EMOJI,
  LONGEST_CAPTION,
  openSyncedDataDb,
  secondsFrom,
  type SyncedDataDb,
} from '../../support/synced-data.fixtures.js';

const T0 = new Date('2026-11-01T00:00:00.000Z');

describe.each(TEST_ENGINES)('comment repository on %s', (engine) => {
  let ctx: SyncedDataDb;
  beforeAll(async () => {
    ctx = await openSyncedDataDb(engine);
  });
  afterAll(async () => {
    await ctx.db.drop();
  });

  async function collect(
    fetchPage: (after?: ReturnType<typeof decodeCursor>) => Promise<Page<CommentRecord>>,
  ): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await fetchPage(after === undefined ? undefined : decodeCursor(after));
      ids.push(...page.items.map((c) => c.id));
      const last = page.items.at(-1);
      if (!page.hasNextPage || !last) return ids;
      after = encodeCursor(last);
    }
  }

  it('keeps Korean and emoji comments, usernames and ids above 2^53 exactly', async () => {
    await ctx.repos.comments.upsertMany(
      [
        commentFixture(BIG_IDS[0], 'm-text', T0, { text: KOREAN_EMOJI, username: '김민지_👨‍👩‍👧' }),
        commentFixture(BIG_IDS[1], 'm-text', secondsFrom(T0, 1), { text: LONGEST_CAPTION }),
      ],
      T0,
    );
    const page = await ctx.repos.comments.findTopLevelPage('m-text', { first: 10 });
    expect(page.items.map((c) => [c.id, c.text, c.username])).toEqual([
      [BIG_IDS[1], LONGEST_CAPTION, 'someone'],
      [BIG_IDS[0], KOREAN_EMOJI, '김민지_👨‍👩‍👧'],
    ]);
  });

  it('pages top-level comments newest first and replies oldest first, each exactly once', async () => {
    const top = Array.from({ length: 11 }, (_, i) =>
      commentFixture(
        `70${String(i).padStart(2, '0')}`,
        'm-page',
        secondsFrom(T0, Math.floor(i / 2)),
      ),
    );
    const replies = Array.from({ length: 7 }, (_, i) =>
      commentFixture(`71${i}`, 'm-page', secondsFrom(T0, 100 + (i % 3)), { parentId: '7000' }),
    );
    await ctx.repos.comments.upsertMany([...top, ...replies], T0);

    const newestFirst = [...top].reverse().map((c) => c.id);
    for (const first of [1, 3, 50]) {
      expect(
        await collect((after) => ctx.repos.comments.findTopLevelPage('m-page', { first, after })),
      ).toEqual(newestFirst);
    }
    const oldestFirst = [...replies]
      .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime() || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
    expect(
      await collect((after) => ctx.repos.comments.findReplyPage('7000', { first: 2, after })),
    ).toEqual(oldestFirst);
    const batched = await ctx.repos.comments.findRepliesByParentIds(['7000', '7001']);
    expect(batched.map((c) => c.id)).toEqual(oldestFirst);
  });

  it('upserting the same comments twice keeps one row each and takes changed values', async () => {
    const page = [commentFixture('8001', 'm-idem', T0), commentFixture('8002', 'm-idem', T0)];
    await ctx.repos.comments.upsertMany(page, T0);
    await ctx.repos.comments.upsertMany(
      [page[0]!, { ...page[1]!, hidden: true, likeCount: 5, text: '수정됨 ✏️' }],
      secondsFrom(T0, 1),
    );
    const stored = (await ctx.repos.comments.findTopLevelPage('m-idem', { first: 10 })).items;
    expect(stored.map((c) => [c.id, c.hidden, c.likeCount, c.text])).toEqual([
      ['8002', true, 5, '수정됨 ✏️'],
      ['8001', false, 0, 'comment 8001'],
    ]);
  });

  it('marks comments and replies full reads did not see as deleted, only for those media', async () => {
    await ctx.repos.comments.upsertMany(
      [
        commentFixture('9001', 'm-del', T0),
        commentFixture('9002', 'm-del', secondsFrom(T0, 1)),
        commentFixture('9003', 'm-del', secondsFrom(T0, 2), { parentId: '9001' }),
        commentFixture('9051', 'm-del-2', T0),
        commentFixture('9101', 'm-other', T0),
      ],
      T0,
    );
    const reread = secondsFrom(T0, 3600.5);
    await ctx.repos.comments.upsertMany([commentFixture('9001', 'm-del', T0)], reread);
    expect(
      await ctx.repos.comments.markUnseenAsDeleted({
        mediaIds: ['m-del', 'm-del-2'],
        seenAt: reread,
      }),
    ).toBe(3);

    expect(
      (await ctx.repos.comments.findTopLevelPage('m-del', { first: 10 })).items.map((c) => c.id),
    ).toEqual(['9001']);
    expect(await ctx.repos.comments.findReplyPage('9001', { first: 10 })).toEqual({
      items: [],
      hasNextPage: false,
    });
    expect((await ctx.repos.comments.findTopLevelPage('m-del-2', { first: 10 })).items).toEqual([]);
    expect(
      (await ctx.repos.comments.findTopLevelPage('m-other', { first: 10 })).items,
    ).toHaveLength(1);
  });
});
