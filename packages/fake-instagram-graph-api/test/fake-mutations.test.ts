import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  createFakeGraphApi,
  type FakeAccount,
  type FakeGraphApi,
  type FakeMedia,
} from '../src/index.js';
import { call, testClock, type ErrorReply, type Page } from './support/test-client.js';

type Row = { id: string; comments_count?: number; like_count?: number; timestamp?: string };

const clock = testClock('2026-06-15T12:00:00Z');
let api: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({ accounts: 1, media: 12, comments: 4, now: clock.now });
  account = api.data.accounts[0] as FakeAccount;
});

afterAll(() => api.close());

const get = <T>(path: string, query: Record<string, string> = {}) =>
  call<T>(api, path, { token: account.accessToken, query });
const mediaPage = (query: Record<string, string> = {}) =>
  get<Page<Row>>(`${account.igUserId}/media`, {
    fields: 'id,comments_count,like_count,timestamp',
    ...query,
  });
const withComments = (): FakeMedia =>
  account.media.find((m) => !m.deleted && m.comments.length > 2) as FakeMedia;

describe('mutations between runs', () => {
  it('adds media at the top of /media, after a cursor taken before still continuing in place', async () => {
    const before = (await mediaPage({ limit: '3' })).body;
    const added = api.mutate.addMedia(account.igUserId, 2);
    const page = (await mediaPage({ limit: '3' })).body;
    expect(page.data.slice(0, 2).map((m) => m.id)).toEqual(added.map((m) => m.id));
    const next = (await mediaPage({ limit: '3', after: before.paging?.cursors.after ?? '' })).body;
    expect(next.data[0]?.id).toBe(account.media[5]?.id);
    const profile = await get<{ media_count: number }>(account.igUserId, { fields: 'media_count' });
    expect(profile.body.media_count).toBe(14);
  });

  it('deletes media: gone from /media, its node and comments answer 100/33', async () => {
    const target = withComments();
    api.mutate.deleteMedia(target.id);
    const ids = (await mediaPage({ limit: '100' })).body.data.map((m) => m.id);
    expect(ids).not.toContain(target.id);
    expect((await get<ErrorReply>(target.id)).body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
    });
    expect((await get<ErrorReply>(target.comments[0]?.id ?? '')).body.error.error_subcode).toBe(33);
    expect(
      (await get<{ media_count: number }>(account.igUserId, { fields: 'media_count' })).body
        .media_count,
    ).toBe(13);
  });

  it('adds comments newest first and raises comments_count', async () => {
    const target = withComments();
    const count = target.comments_count;
    clock.advance(60_000);
    const added = api.mutate.addComments(target.id, 2);
    const page = await get<Page<Row>>(`${target.id}/comments`, { fields: 'id,timestamp' });
    expect(page.body.data.slice(0, 2).map((c) => c.id)).toEqual(added.map((c) => c.id));
    expect((await get<Row>(target.id, { fields: 'comments_count' })).body.comments_count).toBe(
      count + 2,
    );
  });

  it('adds replies under a comment and counts them', async () => {
    const target = withComments();
    const parent = target.comments[3];
    const count = target.comments_count;
    const added = api.mutate.addReplies(parent?.id ?? '', 3);
    const replies = await get<Page<Row & { parent_id: string }>>(`${parent?.id}/replies`, {
      fields: 'id,parent_id',
    });
    expect(replies.body.data.slice(0, 3)).toEqual(
      added.map((r) => ({ id: r.id, parent_id: parent?.id })),
    );
    expect(api.data.findMedia(target.id)?.comments_count).toBe(count + 3);
  });

  it('deletes a comment with its replies and lowers comments_count by all of them', async () => {
    const target = withComments();
    const doomed = target.comments[3];
    const count = target.comments_count;
    const gone = 1 + (doomed?.replies.length ?? 0);
    api.mutate.deleteComment(doomed?.id ?? '');
    expect((await get<ErrorReply>(doomed?.id ?? '')).body.error.code).toBe(100);
    expect((await get<Row>(target.id, { fields: 'comments_count' })).body.comments_count).toBe(
      count - gone,
    );
  });

  it('changes like counts and profiles as the API then reports them', async () => {
    const target = account.media[0] as FakeMedia;
    api.mutate.setLikeCount(target.id, 4321);
    expect((await get<Row>(target.id, { fields: 'like_count' })).body.like_count).toBe(4321);
    const insights = await get<Page<{ values: { value: number }[] }>>(`${target.id}/insights`, {
      metric: 'likes',
    });
    expect(insights.body.data[0]?.values[0]?.value).toBe(4321);
    api.mutate.setProfile(account.igUserId, { followers_count: 777, biography: '새 소개 🙌' });
    const profile = await get<Record<string, unknown>>(account.igUserId, {
      fields: 'followers_count,biography',
    });
    expect(profile.body).toMatchObject({ followers_count: 777, biography: '새 소개 🙌' });
  });

  it('expires a token on demand', async () => {
    api.mutate.expireToken(account.igUserId);
    expect((await get<ErrorReply>(account.igUserId)).body.error).toMatchObject({
      code: 190,
      error_subcode: 463,
    });
  });
});
