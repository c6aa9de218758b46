import { describe, expect, it } from '@jest/globals';
import type { FakeMedia } from '@instagram-sync/fake-instagram-graph-api';
import {
  MEDIA_INSIGHT_METRICS,
  mediaInsightMetrics,
  type SyncStepOptions,
} from '../../../src/sync/steps/index.js';
import { TEST_ENGINES } from '../../support/databases.js';
import { stepsOnEngine } from '../../support/steps-on-engine.js';
import { fakeMediaInWindow, graphTime, type StepsHarness } from '../../support/sync-steps.js';

const DAY_MS = 86_400_000;

const TYPE_METRICS: SyncStepOptions = { mediaTypeMetrics: true };

const kindOf = (m: FakeMedia) => ({
  id: m.id,
  mediaType: m.media_type,
  mediaProductType: m.media_product_type,
});

/** Calls of a media's own (`/{media-id}/insights`), by media id. */
const mediaInsightCalls = (h: StepsHarness, from: number): string[] =>
  h
    .requestsSince(from)
    .filter((r) => /^\/v[\d.]+\/18\d+\/insights$/.test(r.path))
    .map((r) => r.path.split('/')[2]!);

describe.each(TEST_ENGINES)('media insights on %s', (engine) => {
  const steps = stepsOnEngine(engine);

  /** What the database holds for `media`, as (media, metric, value), sorted. */
  const stored = async (media: FakeMedia[]) => {
    const rows = await steps.repos.mediaInsights.findByMediaIds(media.map((m) => m.id));
    return rows.map(({ mediaId, metric, value }) => `${mediaId}/${metric}=${value}`).sort();
  };
  const expected = (media: FakeMedia[], metricsOf: (m: FakeMedia) => readonly string[]) =>
    media.flatMap((m) => metricsOf(m).map((x) => `${m.id}/${x}=${m.insights[x]}`)).sort();

  it('come with the media pages, the metrics every type has, and cost no call of their own', async () => {
    const h = await steps.start({ seed: 405 });
    const media = fakeMediaInWindow(h.account(), h.window);
    await h.run('media');
    const from = h.fake.requests.length;

    const { counts } = await h.run('insights');

    expect(await stored(media)).toEqual(expected(media, () => MEDIA_INSIGHT_METRICS.other));
    expect(mediaInsightCalls(h, from)).toEqual([]);
    expect(counts.skipped).toBe(0);
  });

  it('with SYNC_MEDIA_TYPE_METRICS, a Reel or feed post is asked its own metrics in a call of its own', async () => {
    const h = await steps.start({ seed: 406 }, { steps: TYPE_METRICS });
    const media = fakeMediaInWindow(h.account(), h.window);
    await h.run('media');
    const from = h.fake.requests.length;

    await h.run('insights');

    expect(await stored(media)).toEqual(expected(media, (m) => mediaInsightMetrics(kindOf(m))));
    const withMore = media.filter(
      (m) => mediaInsightMetrics(kindOf(m)) !== MEDIA_INSIGHT_METRICS.other,
    );
    expect(withMore.some((m) => m.media_product_type === 'REELS')).toBe(true);
    expect(mediaInsightCalls(h, from).sort()).toEqual(withMore.map((m) => m.id).sort());
  });

  it('a page whose nested insights fail is read without them; its media are asked one by one, the refusing one skipped', async () => {
    const h = await steps.start({ seed: 407 }, { steps: { mediaPageSize: 10 } });
    const media = fakeMediaInWindow(h.account(), h.window);
    // Posted before the business conversion: its insights fail, and with them its page's.
    const refusing = media[2]!;
    refusing.preConversion = true;
    const page = media.slice(0, 10);
    await h.run('media');
    const from = h.fake.requests.length;

    const { counts } = await h.run('insights');

    expect(mediaInsightCalls(h, from).sort()).toEqual(page.map((m) => m.id).sort());
    expect(counts.skipped).toBe(1);
    const others = media.filter((m) => m !== refusing);
    expect(await stored(others)).toEqual(expected(others, () => MEDIA_INSIGHT_METRICS.other));
    expect(await stored([refusing])).toEqual([]);
  });

  it('asks a media’s own insights again only when its age’s cadence says so', async () => {
    const h = await steps.start({ seed: 408, media: 80 }, { steps: { mediaPageSize: 10 } });
    const media = fakeMediaInWindow(h.account(), h.window);
    expect(media.length).toBeGreaterThan(10);
    // The first page's nested insights fail: its media are asked on their own.
    media[0]!.preConversion = true;
    const fallbackPage = media
      .slice(0, 10)
      .map((m) => m.id)
      .sort();
    const nightly = async () => {
      const from = h.fake.requests.length;
      await h.run('media');
      await h.run('insights');
      return mediaInsightCalls(h, from).sort();
    };

    expect(await nightly()).toEqual(fallbackPage);
    // Two days on, only the media still under 7 days old are due (every run); those of 7–30
    // days wait for 3 days, older ones for a week.
    h.advanceHours(2 * 24);
    const young = media
      .slice(0, 10)
      .filter((m) => h.now().getTime() - graphTime(m.timestamp).getTime() < 7 * DAY_MS);
    expect(young.length).toBeGreaterThan(0);
    expect(young.length).toBeLessThan(10);
    expect(await nightly()).toEqual(young.map((m) => m.id).sort());
    // A week after the first read, every media of that page is due again; the other pages
    // keep bringing theirs nested.
    h.advanceHours(6 * 24);
    expect(await nightly()).toEqual(fallbackPage);
  });

  it('asks a media that refuses a metric of its kind again with the metrics every media supports', async () => {
    const h = await steps.start({ seed: 409 }, { steps: TYPE_METRICS });
    const account = h.account();
    await h.run('media');
    const photo = fakeMediaInWindow(account, h.window).find(
      (m) => m.media_type === 'IMAGE' && m.media_product_type === 'FEED' && !m.preConversion,
    )!;
    // Stored as a feed photo (which has follows and profile_visits); Instagram now says video.
    photo.media_type = 'VIDEO';

    const { counts } = await h.run('insights');

    expect(counts.skipped).toBe(0);
    expect(await stored([photo])).toEqual(expected([photo], () => MEDIA_INSIGHT_METRICS.other));
  });
});
