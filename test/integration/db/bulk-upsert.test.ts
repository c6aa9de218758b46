import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import { defineModels, type DbModels } from '../../../src/db/models/define-models.js';
import { bulkUpsert, UPSERT_CHUNK_SIZE } from '../../../src/db/repositories/bulk-upsert.js';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  BIG_IDS,
  commentFixture,
  KOREAN_EMOJI,
  mediaFixture,
  openSyncedDataDb,
  secondsFrom,
  type SyncedDataDb,
} from '../../support/synced-data.fixtures.js';

const T0 = new Date('2026-03-04T05:06:07.089Z');
const STAMPS = { createdAt: new Date('2026-01-02T03:04:05.006Z'), updatedAt: T0 };

/** One row per synced-data table, with every kind of value a sync writes; `key` makes it unique. */
function sampleRows(key: string) {
  return {
    IgMedia: {
      ...mediaFixture(`m-${key}`, BIG_IDS[0], T0, {
        caption: KOREAN_EMOJI,
        mediaUrl: 'https://cdn.example/1.jpg?oe=1&x=%27',
        permalink: null,
        shortcode: 'sc',
      }),
      children: JSON.stringify([{ id: BIG_IDS[1] }]),
      isCommentEnabled: false,
      lastSeenAt: new Date('2026-12-31T23:59:59.999Z'),
      deletedAt: null,
      ...STAMPS,
    },
    IgComment: {
      ...commentFixture(`c-${key}`, 'm-1', new Date(0), { hidden: true, text: "it's \\ 'quoted'" }),
      lastSeenAt: T0,
      deletedAt: T0,
      ...STAMPS,
    },
    IgMediaInsight: {
      mediaId: `m-${key}`,
      metric: 'reach',
      value: 3_000_000_000,
      fetchedAt: T0,
      ...STAMPS,
    },
    IgAccountInsight: {
      igUserId: key,
      metric: 'reach',
      period: 'day',
      day: '2026-02-28',
      value: null,
      final: true,
      fetchedAt: T0,
      ...STAMPS,
    },
    IgProfile: {
      igUserId: key,
      igId: null,
      username: 'name',
      name: KOREAN_EMOJI,
      biography: null,
      website: 'https://example.com/?a=1&b=2',
      followersCount: 0,
      followsCount: 12,
      mediaCount: null,
      profilePictureUrl: null,
      fetchedAt: T0,
      ...STAMPS,
    },
    IgProfileSnapshot: {
      igUserId: key,
      day: '2026-11-30',
      followersCount: 1,
      followsCount: 2,
      mediaCount: 3,
      ...STAMPS,
    },
  } as const;
}

type Table = keyof ReturnType<typeof sampleRows>;
const KEYS: Record<Table, string[]> = {
  IgMedia: ['id'],
  IgComment: ['id'],
  IgMediaInsight: ['mediaId', 'metric'],
  IgAccountInsight: ['igUserId', 'metric', 'period', 'day'],
  IgProfile: ['igUserId'],
  IgProfileSnapshot: ['igUserId', 'day'],
};

/** Every stored column of one row as the engine holds it (SQLite's quote() shows the type too). */
async function storedBytes(models: DbModels, table: Table, where: Record<string, string>) {
  const model = models[table] as ModelStatic<Model>;
  const sqlite = models.sequelize.getDialect() === 'sqlite';
  const columns = Object.values(model.getAttributes()).map((a) => a.field ?? '');
  const select = columns.map((c) => (sqlite ? `quote(\`${c}\`) AS ${c}` : `hex(\`${c}\`) AS ${c}`));
  const filter = Object.keys(where).map(
    (attribute) => `\`${model.getAttributes()[attribute]?.field}\` = ?`,
  );
  const rows = await models.sequelize.query<Record<string, unknown>>(
    `SELECT ${select.join(', ')} FROM ${model.tableName} WHERE ${filter.join(' AND ')}`,
    { replacements: Object.values(where), type: QueryTypes.SELECT },
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe.each(TEST_ENGINES)('bulk upserts on %s', (engine) => {
  let ctx: SyncedDataDb;
  let models: DbModels;
  beforeAll(async () => {
    ctx = await openSyncedDataDb(engine);
    models = defineModels(ctx.db.sequelize);
  });
  afterAll(async () => {
    await ctx.db.drop();
  });

  it.each(Object.keys(KEYS) as Table[])(
    'stores %s rows byte for byte as Sequelize bulkCreate did, before and after a conflict',
    async (table) => {
      const model = models[table] as ModelStatic<Model>;
      const keys = KEYS[table];
      const reference: Record<string, unknown> = sampleRows('ref')[table];
      const ours: Record<string, unknown> = sampleRows('new')[table];
      const update = Object.keys(reference).filter((a) => !keys.includes(a));
      const whereOf = (row: Record<string, unknown>) =>
        Object.fromEntries(keys.map((k) => [k, String(row[k])]));
      const differentIds = (bytes: Record<string, unknown> | undefined) => {
        const rest = { ...bytes };
        for (const k of keys) delete rest[model.getAttributes()[k]?.field ?? k];
        return rest;
      };
      for (const round of [1, 2]) {
        const changed = round === 1 ? {} : { updatedAt: secondsFrom(T0, 60) };
        await model.bulkCreate([{ ...reference, ...changed }], {
          updateOnDuplicate: update,
          conflictAttributes: keys,
        });
        await bulkUpsert(model, [{ ...ours, ...changed }], { conflict: keys, update });
        const expected = differentIds(await storedBytes(models, table, whereOf(reference)));
        expect(differentIds(await storedBytes(models, table, whereOf(ours)))).toEqual(expected);
      }
    },
  );

  it('fills created_at and updated_at with now, and keeps created_at when the row is written again', async () => {
    const before = new Date(Date.now() - 1000);
    await ctx.repos.comments.upsertMany([commentFixture('c-stamps', 'm-stamps', T0)], T0);
    const [first] = await models.IgComment.findAll({ where: { id: 'c-stamps' } });
    const seenLater = secondsFrom(T0, 60);
    await ctx.repos.comments.upsertMany(
      [commentFixture('c-stamps', 'm-stamps', T0, { text: 'edited' })],
      seenLater,
    );
    const [second] = await models.IgComment.findAll({ where: { id: 'c-stamps' } });
    expect(first?.createdAt.getTime()).toBeGreaterThan(before.getTime());
    expect(second?.createdAt).toEqual(first?.createdAt);
    expect(second?.updatedAt.getTime()).toBeGreaterThanOrEqual(first?.updatedAt.getTime() ?? 0);
    expect(second).toMatchObject({ text: 'edited', lastSeenAt: seenLater, timestamp: T0 });
  });

  it('writes more rows than one statement holds, the last of duplicate ids winning', async () => {
    const count = UPSERT_CHUNK_SIZE * 2 + 200;
    const comments = Array.from({ length: count }, (_, i) =>
      commentFixture(`bulk-${String(i).padStart(5, '0')}`, 'm-bulk', secondsFrom(T0, i)),
    );
    comments.push(commentFixture('bulk-00000', 'm-bulk', T0, { text: 'the last one' }));
    expect(await ctx.repos.comments.upsertMany(comments, T0)).toBe(count);
    const stored = await models.IgComment.findAll({ where: { mediaId: 'm-bulk' } });
    expect(stored).toHaveLength(count);
    expect(stored.find((c) => c.id === 'bulk-00000')?.text).toBe('the last one');
    expect(
      stored.find((c) => c.id === `bulk-${String(count - 1).padStart(5, '0')}`)?.timestamp,
    ).toEqual(secondsFrom(T0, count - 1));
  });
});
