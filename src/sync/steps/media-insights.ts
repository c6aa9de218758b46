import type { MediaInsightState, MediaKind } from '../../db/repositories/ig-media.repository.js';
import type { MediaInsightRecord } from '../../db/repositories/ig-media-insight.repository.js';
import { isGraphApiError, type IgInsight } from '../../instagram/index.js';
import type { StepContext } from '../step.contract.js';
import { chunked, mapBounded } from './bounded.js';
import { isInsightDue } from './insight-cadence.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';

/** Valid for every media type (a v25 probe: IMAGE, VIDEO, CAROUSEL_ALBUM and REELS alike). */
export const COMMON_MEDIA_METRICS: readonly string[] = [
  'reach',
  'saved',
  'likes',
  'comments',
  'shares',
  'total_interactions',
  'views',
];

/**
 * Lifetime metrics per kind of media. One name a media does not support fails its whole call,
 * so each kind asks only for its own. `reels_skip_rate` is left out: a percentage with
 * decimals, and values are stored as integers.
 */
export const MEDIA_INSIGHT_METRICS = {
  reels: [
    ...COMMON_MEDIA_METRICS,
    'ig_reels_avg_watch_time',
    'ig_reels_video_view_total_time',
    'reposts',
  ],
  feedPhotoOrAlbum: [...COMMON_MEDIA_METRICS, 'follows', 'profile_visits'],
  other: COMMON_MEDIA_METRICS,
} as const;

/** Reels are `VIDEO` too; only `media_product_type` tells them apart. */
export function mediaInsightMetrics(media: MediaKind): readonly string[] {
  if (media.mediaProductType === 'REELS') return MEDIA_INSIGHT_METRICS.reels;
  const feed = media.mediaProductType === 'FEED' || media.mediaProductType === null;
  if (feed && (media.mediaType === 'IMAGE' || media.mediaType === 'CAROUSEL_ALBUM')) {
    return MEDIA_INSIGHT_METRICS.feedPhotoOrAlbum;
  }
  return MEDIA_INSIGHT_METRICS.other;
}

/** The metrics a media's full insights read asks for, as configured. */
export function metricsToRead(deps: StepDeps, media: MediaKind): readonly string[] {
  return deps.options.mediaTypeMetrics ? mediaInsightMetrics(media) : COMMON_MEDIA_METRICS;
}

/** One row per asked metric; a metric Instagram left out is NULL (not measured), not 0. */
export function insightRows(
  mediaId: string,
  metrics: readonly string[],
  insights: readonly IgInsight[],
  fetchedAt: Date,
): MediaInsightRecord[] {
  return metrics.map((metric) => {
    const value = insights.find((i) => i.name === metric)?.values?.[0]?.value;
    return { mediaId, metric, value: typeof value === 'number' ? value : null, fetchedAt };
  });
}

/**
 * Lifetime insights the media pages did not bring (their page's nested insights failed, or
 * the configured type-specific metrics), one call per media, for the window's live media
 * that are due by the cadence for their age. Carousel children have none and are not asked.
 * A media Instagram refuses for itself (posted before the business conversion, deleted
 * meanwhile: `skippable`) is counted as skipped and not asked again before the cadence says.
 */
export async function syncMediaInsights(
  deps: StepDeps,
  context: StepContext,
  tally: StepTally,
): Promise<void> {
  const now = deps.options.now();
  const states = await deps.repos.media.findInsightStates({
    igUserId: context.account.igUserId,
    windowStart: context.window.start,
  });
  const cadence = deps.options.mediaInsightCadence;
  const due = states.filter((m) => isInsightDue(cadence, m.timestamp, m.insightsFetchedAt, now));
  for (const batch of chunked(due, deps.options.insightBatch)) {
    const fetched = await mapBounded(batch, deps.options.insightConcurrency, (m) =>
      fetchOne(deps, context, m),
    );
    const rows = fetched.flatMap((f) => f?.rows ?? []);
    const fetchedAt = deps.options.now();
    const written = await deps.repos.inTransaction(async (tx) => {
      const n = await deps.repos.mediaInsights.upsertMany(rows, tx);
      await deps.repos.media.markInsightsFetched(
        batch.map((m) => m.id),
        fetchedAt,
        tx,
      );
      return n;
    });
    tally.add({
      read: fetched.reduce((sum, f) => sum + (f?.read ?? 0), 0),
      written,
      skipped: fetched.filter((f) => f === null).length,
    });
    await tally.checkpoint(context);
  }
}

/** "The Media Insights API does not support the X metric for this media product type." */
const UNSUPPORTED = /does not support the .* metric/i;

const refusesMetrics = (error: unknown): boolean =>
  isGraphApiError(error) && error.code === 100 && UNSUPPORTED.test(error.message);

/**
 * One media's insights, or null when Instagram refuses them for this media alone. A media that
 * refuses a metric of its kind (Instagram's rules per product type change) is asked again with
 * the metrics every media supports, then skipped: never the account's failure.
 */
async function fetchOne(
  deps: StepDeps,
  context: StepContext,
  media: MediaInsightState,
): Promise<{ rows: MediaInsightRecord[]; read: number } | null> {
  const metrics = metricsToRead(deps, media);
  try {
    return await readMetrics(deps, context, media, metrics);
  } catch (error) {
    if (refusesMetrics(error) && metrics !== COMMON_MEDIA_METRICS) {
      try {
        return await readMetrics(deps, context, media, COMMON_MEDIA_METRICS);
      } catch (again) {
        return skipped(context, media, again);
      }
    }
    return skipped(context, media, error);
  }
}

async function readMetrics(
  deps: StepDeps,
  context: StepContext,
  media: MediaKind,
  metrics: readonly string[],
): Promise<{ rows: MediaInsightRecord[]; read: number }> {
  const insights = await deps.graph.getMediaInsights(context.account, media.id, metrics);
  const rows = insightRows(media.id, metrics, insights, deps.options.now());
  return { rows, read: rows.filter((r) => r.value !== null).length };
}

/** A media Instagram will not give insights for: skipped and counted; anything else fails. */
function skipped(context: StepContext, media: MediaKind, error: unknown): null {
  if (!isGraphApiError(error, 'skippable') && !refusesMetrics(error)) throw error;
  context.logger.info({ mediaId: media.id, error }, 'media insights skipped');
  return null;
}
