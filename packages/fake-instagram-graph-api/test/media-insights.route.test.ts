import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  createFakeGraphApi,
  type FakeAccount,
  type FakeGraphApi,
  type FakeMedia,
} from '../src/index.js';
import { call, testClock, type ErrorReply, type Page } from './support/test-client.js';

interface Insight {
  name: string;
  period: string;
  values: { value: number }[];
  id: string;
}

let api: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({
    accounts: 4,
    media: 12,
    comments: 2,
    now: testClock('2026-06-15T12:00:00Z').now,
  });
  account = api.data.accounts[0] as FakeAccount;
});

afterAll(() => api.close());

const media = (index: number): FakeMedia => account.media[index] as FakeMedia;
const insights = <T>(id: string, metric: string, token = account.accessToken) =>
  call<T>(api, `${id}/insights`, { token, query: { metric } });

describe('media insights', () => {
  it('answers lifetime values for a photo, likes and comments following the counts', async () => {
    const photo = media(6);
    const reply = await insights<Page<Insight>>(
      photo.id,
      'reach,likes,comments,saved,follows,profile_visits',
    );
    expect(reply.body.data.map((i) => i.name)).toEqual([
      'reach',
      'likes',
      'comments',
      'saved',
      'follows',
      'profile_visits',
    ]);
    expect(reply.body.data[0]).toMatchObject({
      period: 'lifetime',
      id: `${photo.id}/insights/reach/lifetime`,
    });
    expect(reply.body.data[1]?.values[0]?.value).toBe(photo.like_count);
    expect(reply.body.data[2]?.values[0]?.value).toBe(photo.comments_count);
    expect(reply.body.data[0]?.values[0]?.value).toBe(photo.insights.reach);
  });

  it('answers the reel metrics for a reel', async () => {
    const reel = media(5);
    const reply = await insights<Page<Insight>>(
      reel.id,
      'views,ig_reels_avg_watch_time,ig_reels_video_view_total_time',
    );
    expect(reply.body.data.map((i) => i.values[0]?.value)).toEqual([
      reel.insights.views,
      reel.insights.ig_reels_avg_watch_time,
      reel.insights.ig_reels_video_view_total_time,
    ]);
  });

  it('refuses metrics the media type does not support', async () => {
    const reply = await insights<ErrorReply>(media(5).id, 'reach,follows,profile_visits');
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe(
      '(#100) The Media Insights API does not support the follows, profile_visits metric for this media product type.',
    );
  });

  it('lists the valid names for an unknown metric', async () => {
    const reply = await insights<ErrorReply>(media(6).id, 'reach,impressions');
    expect(reply.body.error.code).toBe(100);
    expect(reply.body.error.message).toMatch(
      /^\(#100\) metric\[1\] must be one of the following values: reach, replies, saved,/,
    );
  });

  it('answers 100/2108006 for media posted before the business conversion', async () => {
    const converted = api.data.accounts[3] as FakeAccount;
    const old = converted.media.find((m) => m.preConversion) as FakeMedia;
    const reply = await insights<ErrorReply>(old.id, 'reach', converted.accessToken);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      message: 'Invalid parameter',
      code: 100,
      error_subcode: 2108006,
      is_transient: false,
      error_user_title: 'Media Posted Before Business Account Conversion',
    });
  });

  it('has no insights for carousel children', async () => {
    const child = media(4).children?.[0];
    const reply = await insights<ErrorReply>(child?.id ?? '', 'reach');
    expect(reply.body.error.code).toBe(100);
  });
});
