import { describe, expect, it } from '@jest/globals';
import { GraphApiError } from '../../../src/instagram/index.js';
import { TEST_ENGINES } from '../../support/databases.js';
import { stepsOnEngine } from '../../support/steps-on-engine.js';
import { expectedMedia, fakeMediaInWindow, NOW, storedMedia } from '../../support/sync-steps.js';

/** NOW is 03:00 on 21 November in Seoul while still the 20th in UTC. */
const SEOUL_TODAY = '2026-11-21';

describe.each(TEST_ENGINES)('the profile step on %s', (engine) => {
  const steps = stepsOnEngine(engine);

  it('stores the profile and today’s snapshot of its counts, the day taken in the run’s time zone', async () => {
    const h = await steps.start({ seed: 101 });
    const { igUserId, profile } = h.account();

    const from = h.fake.requests.length;
    const { counts } = await h.run('profile');

    expect(await steps.repos.profiles.findByIgUserId(igUserId)).toEqual({
      igUserId,
      igId: String(profile.ig_id),
      username: profile.username,
      name: profile.name,
      biography: profile.biography,
      website: profile.website,
      followersCount: profile.followers_count,
      followsCount: profile.follows_count,
      mediaCount: profile.media_count,
      profilePictureUrl: profile.profile_picture_url,
      fetchedAt: NOW,
    });
    expect(
      await steps.repos.profileSnapshots.findRange(igUserId, '2026-11-01', '2026-11-30'),
    ).toEqual([
      {
        igUserId,
        day: SEOUL_TODAY,
        followersCount: profile.followers_count,
        followsCount: profile.follows_count,
        mediaCount: profile.media_count,
      },
    ]);
    // One answered call for the profile with the first media page (field expansion); the
    // other calls go on from that page: threads that overflow it, never its first pages.
    const calls = h.requestsSince(from);
    const node = calls.filter((r) => r.path === `/v25.0/${igUserId}`);
    expect(node.filter((r) => r.status === 200)).toHaveLength(1);
    expect(node[0]!.query.fields).toMatch(/,media\.since\(\d+\)\.limit\(\d+\)\{/);
    expect(calls.filter((r) => r.path.endsWith('/media'))).toEqual([]);
    const rest = calls.filter((r) => !node.includes(r));
    expect(rest.every((r) => r.query.after !== undefined)).toBe(true);
    expect(counts.written).toBeGreaterThan(2);
  });

  it('stores the first media page it read with the profile, and the media step goes on from it without reading it again', async () => {
    const h = await steps.start({ seed: 104, media: 120 }, { steps: { mediaPageSize: 20 } });
    const account = h.account();
    const inWindow = fakeMediaInWindow(account, h.window);
    expect(inWindow.length).toBeGreaterThan(20);

    await h.run('profile');
    const afterProfile = await storedMedia(steps.repos, account.igUserId);
    expect(afterProfile).toEqual(
      inWindow.slice(0, 20).map((m) => expectedMedia(m, account.igUserId)),
    );

    const from = h.fake.requests.length;
    await h.run('media');
    const mediaPages = h.requestsSince(from).filter((r) => r.path.endsWith('/media'));
    expect(mediaPages).toHaveLength(Math.ceil(inWindow.length / 20) - 1);
    expect(mediaPages[0]!.query.after).toBeDefined();
    expect(await storedMedia(steps.repos, account.igUserId)).toEqual(
      inWindow.map((m) => expectedMedia(m, account.igUserId)),
    );
  });

  it('hands on that nothing is left when the first page held the whole window: the media step makes no call', async () => {
    const h = await steps.start({ seed: 105, media: 12 });
    const account = h.account();

    await h.run('profile');
    const from = h.fake.requests.length;
    await h.run('media');

    expect(h.requestsSince(from)).toEqual([]);
    expect(await storedMedia(steps.repos, account.igUserId)).toEqual(
      fakeMediaInWindow(account, h.window).map((m) => expectedMedia(m, account.igUserId)),
    );
  });

  it('overwrites the profile and the day’s snapshot when read again the same day, and adds a row the next day', async () => {
    const h = await steps.start({ seed: 102 });
    const { igUserId } = h.account();
    await h.run('profile');
    h.fake.mutate.setProfile(igUserId, { followers_count: 4321, biography: '새 소개글 ✨👩🏻‍💻' });

    await h.run('profile');
    h.advanceHours(24);
    h.fake.mutate.setProfile(igUserId, { followers_count: 4400 });
    await h.run('profile');

    expect(await steps.repos.profiles.findByIgUserId(igUserId)).toMatchObject({
      followersCount: 4400,
      biography: '새 소개글 ✨👩🏻‍💻',
    });
    const snapshots = await steps.repos.profileSnapshots.findRange(
      igUserId,
      '2026-11-01',
      '2026-11-30',
    );
    expect(snapshots.map((s) => [s.day, s.followersCount])).toEqual([
      [SEOUL_TODAY, 4321],
      ['2026-11-22', 4400],
    ]);
  });

  it('fails with an auth error, and writes nothing, when the token was revoked', async () => {
    const h = await steps.start({ seed: 103 });
    const { igUserId, accessToken } = h.account();
    h.fake.mutate.revokeToken(igUserId);

    const error = await h.runFailing('profile');

    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).kind).toBe('auth');
    expect((error as GraphApiError).message).not.toContain(accessToken);
    expect(await steps.repos.profiles.findByIgUserId(igUserId)).toBeNull();
  });
});
