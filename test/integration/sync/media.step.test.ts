import { describe, expect, it } from '@jest/globals';
import { GraphApiError } from '../../../src/instagram/index.js';
import { TEST_ENGINES } from '../../support/databases.js';
import { stepsOnEngine } from '../../support/steps-on-engine.js';
import {
  expectedComments,
  expectedMedia,
  fakeMediaInWindow,
  storedComments,
  storedMedia,
} from '../../support/sync-steps.js';

describe.each(TEST_ENGINES)('the media step on %s', (engine) => {
  const steps = stepsOnEngine(engine);

  it('stores exactly the media Instagram has inside the window, every field as Instagram sent it', async () => {
    const h = await steps.start({ seed: 201, media: 60 });
    const account = h.account();
    const inWindow = fakeMediaInWindow(account, h.window);
    expect(inWindow.length).toBeGreaterThan(5);
    expect(inWindow.length).toBeLessThan(account.media.length);

    const { counts, context } = await h.run('media');

    const stored = await storedMedia(steps.repos, account.igUserId);
    expect(stored).toEqual(inWindow.map((m) => expectedMedia(m, account.igUserId)));
    expect(stored.map((m) => m.mediaProductType)).toContain('REELS');
    expect(stored.some((m) => (m.children?.length ?? 0) > 1)).toBe(true);
    expect(counts.read).toBeGreaterThanOrEqual(inWindow.length);
    expect(counts.written).toBeGreaterThanOrEqual(inWindow.length);
    expect(context.checkpointed()).toEqual(counts);
  });

  it('stores every thread of the window: whole ones from the media pages, longer ones read on from their nested page', async () => {
    const h = await steps.start({ seed: 202, media: 30 });
    const account = h.account();
    const inWindow = fakeMediaInWindow(account, h.window);
    const long = inWindow.filter((m) => m.comments.length > 50);
    expect(long.length).toBeGreaterThan(0);
    expect(inWindow.some((m) => m.comments.some((c) => c.replies.length > 25))).toBe(true);

    const from = h.fake.requests.length;
    await h.run('media');

    const ids = inWindow.map((m) => m.id);
    expect(await storedComments(steps.repos, ids)).toEqual(
      expectedComments(inWindow, account.igUserId),
    );
    const records = await steps.repos.media.findByIds(ids);
    for (const record of records) {
      const fake = inWindow.find((m) => m.id === record.id)!;
      expect(record.commentsSyncedCount).toBe(fake.comments_count);
    }
    // Nothing is left for the comments step, and no thread's first page was asked twice.
    const candidates = await steps.repos.media.findCommentSyncCandidates({
      igUserId: account.igUserId,
      windowStart: h.window.start,
      staleBefore: new Date(0),
    });
    expect(candidates).toEqual([]);
    const threadCalls = h.requestsSince(from).filter((r) => /\/(comments|replies)$/.test(r.path));
    expect(threadCalls.length).toBeGreaterThan(0);
    expect(threadCalls.every((r) => r.query.after !== undefined)).toBe(true);
  });

  it('leaves stored comments undeleted when Instagram omits the nested edge, and the comments step completes them', async () => {
    const h = await steps.start({ seed: 211, media: 20 });
    const account = h.account();
    const whole = fakeMediaInWindow(account, h.window).filter(
      (m) => m.comments.length > 0 && m.comments.length < 50,
    );
    expect(whole.length).toBeGreaterThan(0);
    await h.run('media');
    const ids = whole.map((m) => m.id);
    const before = await storedComments(steps.repos, ids);
    expect(before).toEqual(expectedComments(whole, account.igUserId));

    // A new comment makes every thread due again (comments_count moved) ...
    for (const m of whole) h.fake.mutate.addComments(m.id, 1);
    // ... and the next media pass comes without the comments edge (counts > 0 still).
    h.fake.faults.add({ kind: 'omitNestedEdge', edge: 'comments', match: { path: '/media' } });
    await h.run('media');
    expect(await storedComments(steps.repos, ids)).toEqual(before);

    h.fake.faults.clear();
    await h.run('comments');
    const now = fakeMediaInWindow(account, h.window).filter((m) => ids.includes(m.id));
    expect(await storedComments(steps.repos, ids)).toEqual(expectedComments(now, account.igUserId));
  });

  it('writes the same rows when run again', async () => {
    const h = await steps.start({ seed: 203 });
    const account = h.account();
    const ids = fakeMediaInWindow(account, h.window).map((m) => m.id);
    await h.run('media');
    const media = await storedMedia(steps.repos, account.igUserId);
    const comments = await storedComments(steps.repos, ids);

    await h.run('media');

    expect(await storedMedia(steps.repos, account.igUserId)).toEqual(media);
    expect(await storedComments(steps.repos, ids)).toEqual(comments);
  });

  it('marks media deleted on Instagram as deleted and adds new ones', async () => {
    const h = await steps.start({ seed: 204 });
    const account = h.account();
    await h.run('media');
    const [, gone] = fakeMediaInWindow(account, h.window);
    h.fake.mutate.deleteMedia(gone!.id);
    const [added] = h.fake.mutate.addMedia(account.igUserId, 1);

    await h.run('media');

    const stored = await storedMedia(steps.repos, account.igUserId);
    expect(stored).toEqual(
      fakeMediaInWindow(account, h.window).map((m) => expectedMedia(m, account.igUserId)),
    );
    expect(stored.map((m) => m.id)).toContain(added!.id);
    const [deleted] = await steps.repos.media.findByIds([gone!.id]);
    expect(deleted?.deletedAt).toBeInstanceOf(Date);
  });

  it('fails with an auth error when the token expires mid-listing, marking nothing deleted', async () => {
    const h = await steps.start({ seed: 205, media: 40 });
    const account = h.account();
    await h.run('media');
    h.fake.faults.add({ kind: 'tokenExpired', atCall: 2, match: { igUserId: account.igUserId } });

    const error = await h.runFailing('media', { steps: { mediaPageSize: 3 } });

    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).kind).toBe('auth');
    expect(String((error as GraphApiError).message)).not.toContain(account.accessToken);
    expect(await storedMedia(steps.repos, account.igUserId)).toHaveLength(
      fakeMediaInWindow(account, h.window).length,
    );
  });
});
