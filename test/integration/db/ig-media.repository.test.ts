import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from '../../../src/db/repositories/keyset-cursor.js';
import type { MediaRecord } from '../../../src/db/repositories/ig-media.repository.js';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  BIG_IDS,
  KOREAN_EMOJI,
  LONGEST_CAPTION,
  mediaFixture,
  openSyncedDataDb,
  secondsFrom,
  type SyncedDataDb,
} from '../../support/synced-data.fixtures.js';

const T0 = new Date('2026-11-01T00:00:00.000Z');

describe.each(TEST_ENGINES)('media repository on %s', (engine) => {
  let ctx: SyncedDataDb;
  beforeAll(async () => {
    ctx = await openSyncedDataDb(engine);
  });
  afterAll(async () => {
    await ctx.db.drop();
  });

  async function allPages(
    igUserId: string,
    first: number,
    range: { since?: Date; until?: Date } = {},
  ) {
    const seen: MediaRecord[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ctx.repos.media.findPage({
        igUserId,
        first,
        after: after === undefined ? undefined : decodeCursor(after),
        ...range,
      });
      seen.push(...page.items);
      const last = page.items.at(-1);
      if (!page.hasNextPage || !last) return seen;
      after = encodeCursor(last);
    }
  }

  it('upserting the same page twice leaves the same rows, and a changed value is updated', async () => {
    const page = [1, 2, 3].map((i) => mediaFixture(`100${i}`, 'u-idem', secondsFrom(T0, i)));
    await ctx.repos.media.upsertMany(page, T0);
    const once = await allPages('u-idem', 10);
    await ctx.repos.media.upsertMany(page, T0);
    expect(await allPages('u-idem', 10)).toEqual(once);
    expect(once.map((m) => m.id)).toEqual(['1003', '1002', '1001']);
    const changed = page.map((m, i) => (i === 0 ? { ...m, likeCount: 99, caption: 'edited' } : m));
    await ctx.repos.media.upsertMany(changed, secondsFrom(T0, 60));

    const stored = await ctx.repos.media.findByIds(page.map((m) => m.id));
    expect(stored).toHaveLength(3);
    const first = stored.find((m) => m.id === '1001');
    expect(first).toMatchObject({
      likeCount: 99,
      caption: 'edited',
      timestamp: page[0]?.timestamp,
    });
    expect(first?.lastSeenAt).toEqual(secondsFrom(T0, 60));
  });

  it('keeps Korean and emoji captions and carousel children exactly', async () => {
    const children = [
      {
        id: BIG_IDS[0],
        mediaType: 'IMAGE',
        mediaUrl: 'https://cdn.example/a.jpg',
        thumbnailUrl: null,
      },
      {
        id: BIG_IDS[1],
        mediaType: 'VIDEO',
        mediaUrl: null,
        thumbnailUrl: 'https://cdn.example/b.jpg',
      },
    ];
    await ctx.repos.media.upsertMany(
      [
        mediaFixture('2001', 'u-text', T0, {
          caption: KOREAN_EMOJI,
          mediaType: 'CAROUSEL_ALBUM',
          children,
        }),
        mediaFixture('2002', 'u-text', T0, { caption: LONGEST_CAPTION }),
      ],
      T0,
    );
    const [short, long] = (await allPages('u-text', 10)).sort((a, b) => a.id.localeCompare(b.id));
    expect(short?.caption).toBe(KOREAN_EMOJI);
    expect(short?.children).toEqual(children);
    expect(long?.caption).toBe(LONGEST_CAPTION);
    expect(long?.caption).toHaveLength(2200);
  });

  it('keeps Instagram ids above 2^53 apart and exact', async () => {
    const igUserId = '17841499999999999';
    await ctx.repos.media.upsertMany(
      BIG_IDS.map((id, i) => mediaFixture(id, igUserId, secondsFrom(T0, i), { caption: id })),
      T0,
    );
    const stored = await allPages(igUserId, 10);
    expect(stored.map((m) => [m.id, m.caption, m.igUserId])).toEqual([
      [BIG_IDS[1], BIG_IDS[1], igUserId],
      [BIG_IDS[0], BIG_IDS[0], igUserId],
    ]);
  });

  it('keyset paging returns every live media once, newest first, also with ties and a range', async () => {
    // Groups of three media share a timestamp, so the id must break ties consistently.
    const media = Array.from({ length: 23 }, (_, i) =>
      mediaFixture(String(30_000 + i * 7), 'u-page', secondsFrom(T0, Math.floor(i / 3) * 60)),
    );
    await ctx.repos.media.upsertMany(media, T0);
    const expected = [...media]
      .sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime() || (a.id < b.id ? 1 : -1))
      .map((m) => m.id);

    for (const first of [1, 4, 23, 50]) {
      expect((await allPages('u-page', first)).map((m) => m.id)).toEqual(expected);
    }
    const since = secondsFrom(T0, 120);
    const until = secondsFrom(T0, 300);
    const inRange = media
      .filter((m) => m.timestamp >= since && m.timestamp < until)
      .map((m) => m.id);
    const ranged = (await allPages('u-page', 2, { since, until })).map((m) => m.id);
    expect(ranged).toEqual(expected.filter((id) => inRange.includes(id)));
    expect(ranged).toHaveLength(9);
  });

  it('marks media unseen by a full pass inside the window as deleted, hides them, and revives them when seen again', async () => {
    const windowStart = secondsFrom(T0, -3600);
    const old = mediaFixture('4000', 'u-del', secondsFrom(T0, -7200));
    const inWindow = [1, 2, 3, 4, 5].map((i) =>
      mediaFixture(`400${i}`, 'u-del', secondsFrom(T0, i)),
    );
    await ctx.repos.media.upsertMany([old, ...inWindow], T0);

    // Milliseconds matter: a DATETIME without them would make every row look unseen.
    const secondPass = secondsFrom(T0, 86_400.123);
    await ctx.repos.media.upsertMany(inWindow.slice(0, 3), secondPass);
    const marked = await ctx.repos.media.markUnseenAsDeleted({
      igUserId: 'u-del',
      windowStart,
      seenAt: secondPass,
    });
    expect(marked).toBe(2);
    expect((await allPages('u-del', 10)).map((m) => m.id)).toEqual([
      '4003',
      '4002',
      '4001',
      '4000',
    ]);
    const [gone] = await ctx.repos.media.findByIds(['4005']);
    expect(gone?.deletedAt).toBeInstanceOf(Date);

    await ctx.repos.media.upsertMany([inWindow[4]!], secondsFrom(secondPass, 60));
    expect((await allPages('u-del', 10)).map((m) => m.id)).toContain('4005');
  });

  it('lists the media whose comments are due for a full re-read', async () => {
    const windowStart = secondsFrom(T0, -3600);
    const recentRead = secondsFrom(T0, -60);
    const staleBefore = secondsFrom(T0, -600);
    await ctx.repos.media.upsertMany(
      [
        mediaFixture('5001', 'u-cmt', secondsFrom(T0, 1), { commentsCount: 3 }), // never read
        mediaFixture('5002', 'u-cmt', secondsFrom(T0, 2), { commentsCount: 3 }), // unchanged, fresh
        mediaFixture('5003', 'u-cmt', secondsFrom(T0, 3), { commentsCount: 4 }), // count changed
        mediaFixture('5004', 'u-cmt', secondsFrom(T0, 4), { commentsCount: 3 }), // read long ago
        mediaFixture('5005', 'u-cmt', secondsFrom(T0, 5), { commentsCount: 0 }), // zero, fresh
        mediaFixture('5006', 'u-cmt', secondsFrom(T0, -7200), { commentsCount: 1 }), // outside window
      ],
      T0,
    );
    await ctx.repos.media.markCommentsSynced(
      [
        { mediaId: '5002', commentsCount: 3 },
        { mediaId: '5003', commentsCount: 3 },
        { mediaId: '5005', commentsCount: 0 },
      ],
      recentRead,
    );
    await ctx.repos.media.markCommentsSynced(
      [{ mediaId: '5004', commentsCount: 3 }],
      secondsFrom(T0, -86_400),
    );
    // A re-sync of the media must not forget the last full read.
    await ctx.repos.media.upsertMany(
      [mediaFixture('5002', 'u-cmt', secondsFrom(T0, 2), { commentsCount: 3 })],
      T0,
    );

    const due = await ctx.repos.media.findCommentSyncCandidates({
      igUserId: 'u-cmt',
      windowStart,
      staleBefore,
    });
    expect(due.map((d) => d.mediaId)).toEqual(['5004', '5003', '5001']);
    expect(due.find((d) => d.mediaId === '5003')).toMatchObject({
      commentsCount: 4,
      commentsSyncedCount: 3,
    });
  });

  it('records when the insights of media were read, to the millisecond, and stamps the rows updated', async () => {
    await ctx.repos.media.upsertMany(
      [mediaFixture('6001', 'u-ins', T0), mediaFixture('6002', 'u-ins', secondsFrom(T0, 1))],
      T0,
    );
    const updatedAt = async (id: string) => {
      const [rows] = await ctx.db.sequelize.query(
        `SELECT updated_at AS u FROM ig_media WHERE id = '${id}'`,
      );
      return new Date(String((rows as { u: string | Date }[])[0]!.u)).getTime();
    };
    await ctx.db.sequelize.query(
      `UPDATE ig_media SET updated_at = '2026-01-01 00:00:00' WHERE ig_user_id = 'u-ins'`,
    );
    const untouched = await updatedAt('6002');
    const markedFrom = Date.now() - 1000;
    const at = new Date('2026-11-02T03:04:05.678Z');
    await ctx.repos.media.markInsightsFetched(['6001', 'no-such-media'], at);

    const states = await ctx.repos.media.findInsightStates({
      igUserId: 'u-ins',
      windowStart: secondsFrom(T0, -60),
    });
    expect(states.map((m) => [m.id, m.insightsFetchedAt?.toISOString() ?? null])).toEqual([
      ['6002', null],
      ['6001', '2026-11-02T03:04:05.678Z'],
    ]);
    expect(await updatedAt('6001')).toBeGreaterThanOrEqual(markedFrom);
    expect(await updatedAt('6002')).toBe(untouched);
  });

  it('upserts 5,000 media in chunks and updates them all on the next run', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      mediaFixture(String(1_000_000 + i), 'u-bulk', secondsFrom(T0, -i), {
        caption: `${i} ${KOREAN_EMOJI}`,
      }),
    );
    expect(await ctx.repos.media.upsertMany(many, T0)).toBe(5000);
    const updated = many.map((m, i) => ({ ...m, likeCount: i }));
    expect(await ctx.repos.media.upsertMany(updated, secondsFrom(T0, 60))).toBe(5000);

    const kinds = await ctx.repos.media.findInsightStates({
      igUserId: 'u-bulk',
      windowStart: secondsFrom(T0, -10_000),
    });
    expect(kinds).toHaveLength(5000);
    const sample = await ctx.repos.media.findByIds(['1000000', '1002500', '1004999']);
    expect(sample.map((m) => m.likeCount).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      0, 2500, 4999,
    ]);
    expect(sample.every((m) => m.caption?.endsWith(KOREAN_EMOJI))).toBe(true);
  });
});
