/**
 * `GET /{ig-media-id}/insights?metric=…` and the same data under `insights.metric(…)` in a
 * field expansion. Lifetime values only (no period/since/until). Errors follow the real
 * API: an unknown name lists the valid ones; a name the media type does not support, or a
 * post from before the business conversion (100/2108006), fails the whole call.
 */
import type { FakeMedia } from './fake-graph-api.types.js';
import type { Json } from './graph-context.js';
import { invalidParameter, preConversionMedia } from './graph-errors.js';
import { MEDIA_METRICS, supportedMediaMetrics } from './media-insights.values.js';

const TITLES: Record<string, string> = {
  reach: 'Accounts reached',
  views: 'Views',
  saved: 'Saved',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  total_interactions: 'Interactions',
  follows: 'Follows',
  profile_visits: 'Profile visits',
  reposts: 'Reposts',
  ig_reels_avg_watch_time: 'Average watch time',
  ig_reels_video_view_total_time: 'Watch time',
  reels_skip_rate: 'Skip rate',
};

/** The requested metric names, or the API's error for an empty or unknown one. */
export function requestedMediaMetrics(metricParam: string | undefined): string[] {
  const metrics = (metricParam ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
  if (metrics.length === 0) throw invalidParameter('The parameter metric is required');
  metrics.forEach((metric, i) => {
    if (!MEDIA_METRICS.includes(metric)) {
      throw invalidParameter(
        `metric[${i}] must be one of the following values: ${MEDIA_METRICS.join(', ')}`,
      );
    }
  });
  return metrics;
}

function unsupported(metrics: string[]): Error {
  return invalidParameter(
    `The Media Insights API does not support the ${metrics.join(', ')} metric for this media product type.`,
  );
}

/** The `data` array of a media's insights. */
export function mediaInsightsData(media: FakeMedia, metricParam: string | undefined): Json[] {
  const metrics = requestedMediaMetrics(metricParam);
  if (media.preConversion) throw preConversionMedia();
  const supported = supportedMediaMetrics(media);
  const missing = metrics.filter((m) => !supported.includes(m));
  if (missing.length > 0) throw unsupported(missing);
  const values = media.insights;
  return metrics.map((name) => ({
    name,
    period: 'lifetime',
    values: [{ value: values[name] ?? 0 }],
    title: TITLES[name] ?? name,
    description: `${TITLES[name] ?? name} of this media, lifetime.`,
    id: `${media.id}/insights/${name}/lifetime`,
  }));
}

/** Carousel children have no insights at all. */
export function childInsightsError(metricParam: string | undefined): Error {
  return unsupported(requestedMediaMetrics(metricParam));
}
