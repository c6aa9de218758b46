import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call, testClock, type ErrorReply, type Page } from './support/test-client.js';

let api: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({
    accounts: 1,
    media: 30,
    comments: 4,
    now: testClock('2026-06-15T12:00:00Z').now,
  });
  account = api.data.account(api.data.accounts[0]?.igUserId ?? '');
});

afterAll(() => api.close());

const get = <T>(path: string, fields?: string) =>
  call<T>(api, path, { token: account.accessToken, ...(fields ? { query: { fields } } : {}) });

describe('field selection on nodes', () => {
  it('answers only the requested user fields, plus id', async () => {
    const reply = await get<Record<string, unknown>>(account.igUserId, 'username,followers_count');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      username: account.profile.username,
      followers_count: account.profile.followers_count,
      id: account.igUserId,
    });
  });

  it('answers just the id when no fields are asked for', async () => {
    expect((await get(account.igUserId)).body).toEqual({ id: account.igUserId });
  });

  it('fails an unknown field with the nonexisting-field error', async () => {
    const reply = await get<ErrorReply>(account.igUserId, 'id,impressions');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 100,
      type: 'OAuthException',
      message: '(#100) Tried accessing nonexisting field (impressions) on node type (ShadowIGUser)',
    });
  });

  it('answers media fields, leaving out an empty caption and naming the owner', async () => {
    const media = account.media.find((m) => m.caption === '');
    expect(media).toBeDefined();
    const fields =
      'caption,media_type,media_product_type,like_count,comments_count,timestamp,owner,username';
    const reply = await get<Record<string, unknown>>(media?.id ?? '', fields);
    expect(reply.body).toEqual({
      media_type: media?.media_type,
      media_product_type: media?.media_product_type,
      like_count: media?.like_count,
      comments_count: media?.comments_count,
      timestamp: media?.timestamp,
      owner: { id: account.igUserId },
      username: account.profile.username,
      id: media?.id,
    });
  });

  it('serves carousel children but rejects fields children do not have', async () => {
    const album = account.media.find((m) => m.media_type === 'CAROUSEL_ALBUM');
    const first = album?.children?.[0];
    const page = await get<Page>(`${album?.id}/children`, 'id,media_type,media_url');
    expect(page.body.data).toHaveLength(album?.children?.length ?? -1);
    expect(page.body.data[0]).toEqual({
      id: first?.id,
      media_type: first?.media_type,
      media_url: first?.media_url,
    });
    const refused = await get<ErrorReply>(first?.id ?? '', 'id,caption');
    expect(refused.body.error.message).toBe(
      '(#100) Tried accessing nonexisting field (caption) on node type (ShadowIGMedia)',
    );
  });

  it('answers a comment node with its commenter and media', async () => {
    const comment = account.media.flatMap((m) => m.comments)[0];
    const reply = await get<Record<string, unknown>>(
      comment?.id ?? '',
      'text,from,media{id,media_product_type}',
    );
    expect(reply.body).toEqual({
      text: comment?.text,
      from: { id: comment?.fromId, username: comment?.username },
      media: {
        id: comment?.mediaId,
        media_product_type: api.data.findMedia(comment?.mediaId ?? '')?.media_product_type,
      },
      id: comment?.id,
    });
  });

  it('answers /me with an app-scoped id and the IG account id as user_id', async () => {
    const reply = await get<Record<string, unknown>>('me', 'id,user_id,username,account_type');
    expect(reply.body).toEqual({
      id: account.appScopedId,
      user_id: account.igUserId,
      username: account.profile.username,
      account_type: 'BUSINESS',
    });
  });

  it('lists the linked Page with its Instagram business account on /me/accounts', async () => {
    const reply = await get<Page>('me/accounts', 'id,name,instagram_business_account');
    expect(reply.body.data).toEqual([
      expect.objectContaining({
        name: account.profile.name,
        instagram_business_account: { id: account.igUserId },
      }),
    ]);
  });
});
