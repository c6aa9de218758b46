import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IgProfileRecord } from '../../../src/db/repositories/ig-profile.repository.js';
import { TEST_ENGINES } from '../../support/databases.js';
import {
  BIG_IDS,
  KOREAN_EMOJI,
  openSyncedDataDb,
  type SyncedDataDb,
} from '../../support/synced-data.fixtures.js';

const T0 = new Date('2026-11-01T00:00:00.000Z');

function connection(userNo: number, igUserId: string, ciphertext = `v1.iv.tag.${userNo}`) {
  return {
    userNo,
    igUserId,
    username: `user${userNo}`,
    accessTokenCiphertext: ciphertext,
    tokenExpiresAt: new Date('2027-01-01T00:00:00.000Z'),
    connectedAt: T0,
  };
}

describe.each(TEST_ENGINES)('account and profile repositories on %s', (engine) => {
  let ctx: SyncedDataDb;
  beforeAll(async () => {
    ctx = await openSyncedDataDb(engine);
  });
  afterAll(async () => {
    await ctx.db.drop();
  });

  it('connects an account without ever returning its token, and reconnecting replaces it', async () => {
    const account = await ctx.repos.accounts.upsertOnConnect(connection(1, BIG_IDS[0]));
    expect(account).toEqual({
      userNo: 1,
      igUserId: BIG_IDS[0],
      username: 'user1',
      status: 'active',
      loginType: 'FACEBOOK',
      tokenExpiresAt: new Date('2027-01-01T00:00:00.000Z'),
      dataAccessExpiresAt: null,
      scopes: [],
      connectedAt: T0,
      lastSyncedAt: null,
    });
    expect(JSON.stringify(account)).not.toContain('v1.iv.tag');

    await ctx.repos.accounts.markSynced(1, T0);
    await ctx.repos.accounts.setStatus(1, 'token_invalid');
    const later = new Date(T0.getTime() + 60_000);
    const again = await ctx.repos.accounts.upsertOnConnect({
      ...connection(1, BIG_IDS[1], 'v1.new'),
      loginType: 'INSTAGRAM',
      connectedAt: later,
    });
    expect(again).toMatchObject({
      igUserId: BIG_IDS[1],
      status: 'active',
      loginType: 'INSTAGRAM',
      connectedAt: later,
      lastSyncedAt: T0,
    });
    expect(await ctx.repos.accounts.findCredentials(1)).toEqual({
      userNo: 1,
      igUserId: BIG_IDS[1],
      status: 'active',
      accessTokenCiphertext: 'v1.new',
      tokenExpiresAt: new Date('2027-01-01T00:00:00.000Z'),
      loginType: 'INSTAGRAM',
    });
  });

  it('lists only active accounts, in user order, and reports unknown users', async () => {
    for (const userNo of [12, 10, 11]) {
      await ctx.repos.accounts.upsertOnConnect(connection(userNo, `1784140000000${userNo}`));
    }
    await ctx.repos.accounts.setStatus(11, 'disconnected');
    const active = (await ctx.repos.accounts.listActive()).map((a) => a.userNo);
    expect(active.filter((n) => n >= 10)).toEqual([10, 12]);
    expect(await ctx.repos.accounts.findByUserNo(999)).toBeNull();
    expect(await ctx.repos.accounts.findCredentials(999)).toBeNull();
    expect(await ctx.repos.accounts.setStatus(999, 'active')).toBe(false);
    expect(await ctx.repos.accounts.updateToken(12, 'v1.refreshed', null)).toBe(true);
    expect((await ctx.repos.accounts.findCredentials(12))?.accessTokenCiphertext).toBe(
      'v1.refreshed',
    );
  });

  it('keeps one profile per account with emoji biography, and a followers history per day', async () => {
    const profile: IgProfileRecord = {
      igUserId: BIG_IDS[0],
      igId: '9007199254740993',
      username: 'cafe_seoul',
      name: '카페 서울 ☕️👨‍👩‍👧',
      biography: KOREAN_EMOJI,
      website: 'https://example.com/메뉴',
      followersCount: 1200,
      followsCount: 80,
      mediaCount: 310,
      profilePictureUrl: 'https://cdn.example/p.jpg?_nc_rid=1',
      fetchedAt: T0,
    };
    await ctx.repos.profiles.upsertMany([profile]);
    await ctx.repos.profiles.upsertMany([{ ...profile, followersCount: 1250 }]);
    expect(await ctx.repos.profiles.findByIgUserIds([BIG_IDS[0], BIG_IDS[1]])).toEqual([
      { ...profile, followersCount: 1250 },
    ]);

    const snapshot = { igUserId: BIG_IDS[0], followsCount: 80, mediaCount: 310 };
    await ctx.repos.profileSnapshots.upsertMany([
      { ...snapshot, day: '2026-10-31', followersCount: 1190 },
      { ...snapshot, day: '2026-11-01', followersCount: 1200 },
    ]);
    await ctx.repos.profileSnapshots.upsertMany([
      { ...snapshot, day: '2026-11-01', followersCount: 1250 },
    ]);
    const history = await ctx.repos.profileSnapshots.findRange(
      BIG_IDS[0],
      '2026-10-01',
      '2026-11-30',
    );
    expect(history.map((s) => [s.day, s.followersCount])).toEqual([
      ['2026-10-31', 1190],
      ['2026-11-01', 1250],
    ]);
  });
});
