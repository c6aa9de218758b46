import { describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { GraphApiError } from '../../../src/instagram/index.js';
import { RunCancelledError } from '../../../src/sync/step.contract.js';
import { TEST_ENGINES } from '../../support/databases.js';
import { stepsOnEngine } from '../../support/steps-on-engine.js';
import {
  commentReads,
  expectedComments,
  fakeMediaInWindow,
  storedComments,
} from '../../support/sync-steps.js';

const LEAN = { expandedComments: 0 };

describe.each(TEST_ENGINES)('the comments step on %s', (engine) => {
  const steps = stepsOnEngine(engine);

  it('stores every comment and reply the media pass could not read, overflowing pages included, Korean and emoji intact', async () => {
    const h = await steps.start({ seed: 301 });
    const account = h.account();
    const media = fakeMediaInWindow(account, h.window);
    const longest = media.reduce((a, b) => (a.comments.length >= b.comments.length ? a : b));
    expect(longest.comments.length).toBeGreaterThan(300);
    expect(longest.comments.some((c) => c.replies.length > 25)).toBe(true);
    // The media pages come without their comments edge: every thread is left to this step.
    h.fake.faults.add({ kind: 'omitNestedEdge', edge: 'comments', match: { path: '/media' } });
    await h.run('media');
    h.fake.faults.clear();
    const from = h.fake.requests.length;

    const { counts, context } = await h.run('comments');

    const stored = await storedComments(
      steps.repos,
      media.map((m) => m.id),
    );
    expect(stored).toEqual(expectedComments(media, account.igUserId));
    expect(
      stored.some(
        (c) => /\p{Script=Hangul}/u.test(c.text) && /\p{Extended_Pictographic}/u.test(c.text),
      ),
    ).toBe(true);
    expect(stored.filter((c) => c.parentId === null).length).toBeLessThan(stored.length);
    const reads = commentReads(h.requestsSince(from));
    expect(reads.filter((r) => r === `${longest.id}/comments`)).toHaveLength(
      Math.ceil(longest.comments.length / 50),
    );
    expect(reads.some((r) => r.endsWith('/replies'))).toBe(true);
    expect(counts.read).toBe(stored.length);
    expect(context.checkpointed()).toEqual(counts);
  });

  it('reads the same comments when the media pages carry none (lean media pages)', async () => {
    const h = await steps.start({ seed: 302 }, { steps: LEAN });
    const account = h.account();
    const media = fakeMediaInWindow(account, h.window);
    await h.run('media');
    expect(
      await storedComments(
        steps.repos,
        media.map((m) => m.id),
      ),
    ).toEqual([]);

    await h.run('comments');

    expect(
      await storedComments(
        steps.repos,
        media.map((m) => m.id),
      ),
    ).toEqual(expectedComments(media, account.igUserId));
  });

  it('re-reads only media whose comments_count changed, marking removed comments deleted and adding new ones', async () => {
    const h = await steps.start({ seed: 303 }, { steps: LEAN });
    const account = h.account();
    const media = fakeMediaInWindow(account, h.window);
    await h.run('media');
    await h.run('comments');
    const withComments = media.filter((m) => m.comments.length > 1);
    const [grown, shrunk, untouched] = withComments;
    const gone = shrunk!.comments[0]!;
    h.fake.mutate.addComments(grown!.id, 2);
    h.fake.mutate.deleteComment(gone.id);
    const stored = await storedComments(steps.repos, [untouched!.id]);
    await h.run('media');
    const from = h.fake.requests.length;

    await h.run('comments');

    expect(commentReads(h.requestsSince(from)).sort()).toEqual(
      [`${grown!.id}/comments`, `${shrunk!.id}/comments`].sort(),
    );
    expect(
      await storedComments(
        steps.repos,
        media.map((m) => m.id),
      ),
    ).toEqual(expectedComments(media, account.igUserId));
    expect(await storedComments(steps.repos, [untouched!.id])).toEqual(stored);
    const [kept] = await steps.db.db.sequelize.query(
      'SELECT deleted_at FROM ig_comments WHERE id = ?',
      {
        replacements: [gone.id],
        type: QueryTypes.SELECT,
      },
    );
    expect(kept).toEqual({ deleted_at: expect.anything() });
  });

  it('marks nothing deleted when a read comes back empty while comments_count said otherwise', async () => {
    const h = await steps.start({ seed: 311 }, { steps: LEAN });
    const account = h.account();
    await h.run('media');
    await h.run('comments');
    const target = fakeMediaInWindow(account, h.window).find((m) => m.comments.length > 1)!;
    const stored = await storedComments(steps.repos, [target.id]);
    expect(stored.length).toBeGreaterThan(1);
    // The media pass sees a changed count (> 0), then every comment goes before the read.
    h.fake.mutate.addComments(target.id, 1);
    await h.run('media');
    for (const c of [...target.comments]) h.fake.mutate.deleteComment(c.id);

    await h.run('comments');
    expect(await storedComments(steps.repos, [target.id])).toEqual(stored);

    // The next pass sees the count at 0: then the thread is known empty and marked.
    await h.run('media');
    await h.run('comments');
    expect(await storedComments(steps.repos, [target.id])).toEqual([]);
  });

  it('reads everything again once the last full read is older than the staleness, and nothing before', async () => {
    const h = await steps.start({ seed: 304 }, { steps: LEAN });
    const media = fakeMediaInWindow(h.account(), h.window);
    await h.run('media');
    await h.run('comments');
    let from = h.fake.requests.length;
    await h.run('comments');
    expect(commentReads(h.requestsSince(from))).toEqual([]);

    h.advanceHours(25);
    from = h.fake.requests.length;
    await h.run('comments');

    const read = new Set(
      commentReads(h.requestsSince(from))
        .filter((r) => r.endsWith('/comments'))
        .map((r) => r.split('/')[0]),
    );
    expect(read).toEqual(new Set(media.filter((m) => m.comments_count > 0).map((m) => m.id)));
  });

  it('counts a media deleted since the media step as skipped and goes on with the others', async () => {
    const h = await steps.start({ seed: 305 }, { steps: LEAN });
    const account = h.account();
    const media = fakeMediaInWindow(account, h.window);
    await h.run('media');
    const [gone, ...rest] = media.filter((m) => m.comments.length > 0);
    h.fake.mutate.deleteMedia(gone!.id);

    const { counts } = await h.run('comments');

    expect(counts.skipped).toBe(1);
    expect(
      await storedComments(
        steps.repos,
        rest.map((m) => m.id),
      ),
    ).toEqual(expectedComments(rest, account.igUserId));
  });

  it('fails with an auth error when the token expires mid-step', async () => {
    const h = await steps.start({ seed: 306 }, { steps: LEAN });
    const account = h.account();
    await h.run('media');
    h.fake.faults.add({ kind: 'tokenExpired', atCall: 3, match: { path: '/comments' } });

    const error = await h.runFailing('comments');

    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).kind).toBe('auth');
    expect((error as GraphApiError).igUserId).toBe(account.igUserId);
  });

  it('keeps the threads read whole before a failure: the retry reads only the others', async () => {
    const h = await steps.start({ seed: 308 }, { steps: LEAN });
    const account = h.account();
    const media = fakeMediaInWindow(account, h.window);
    await h.run('media');
    const due = media.filter((m) => m.comments_count > 0).map((m) => m.id);
    const mediaRead = (from: number) =>
      new Set(
        commentReads(h.requestsSince(from))
          .filter((r) => r.endsWith('/comments'))
          .map((r) => r.split('/')[0]!),
      );
    h.fake.faults.add({
      kind: 'permission',
      afterCalls: 4,
      times: 1,
      match: { path: '/comments' },
    });
    const first = h.fake.requests.length;
    await h.runFailing('comments', { steps: { commentConcurrency: 1 } });
    const failedOn = h.requestsSince(first).find((r) => r.status !== 200)!;
    const readBefore = [...mediaRead(first)].filter((id) => !failedOn.path.includes(id));
    expect(readBefore.length).toBeGreaterThan(0);

    const second = h.fake.requests.length;
    await h.run('comments');

    const readAgain = mediaRead(second);
    expect(readBefore.filter((id) => readAgain.has(id))).toEqual([]);
    expect(new Set([...readBefore, ...readAgain])).toEqual(new Set(due));
    expect(
      await storedComments(
        steps.repos,
        media.map((m) => m.id),
      ),
    ).toEqual(expectedComments(media, account.igUserId));
  });

  it('stops between pages with RunCancelledError once the run is cancelled', async () => {
    const h = await steps.start({ seed: 307 }, { steps: LEAN });
    await h.run('media');
    const due = fakeMediaInWindow(h.account(), h.window).filter((m) => m.comments_count > 0);
    const from = h.fake.requests.length;

    const error = await h.runFailing('comments', {
      steps: { commentConcurrency: 1 },
      cancelAfterCheckpoints: 2,
    });

    expect(error).toBeInstanceOf(RunCancelledError);
    expect(commentReads(h.requestsSince(from)).length).toBeLessThan(due.length);
  });
});
