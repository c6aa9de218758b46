import type { MediaKind } from '../../db/repositories/ig-media.repository.js';
import type { MediaInsightRecord } from '../../db/repositories/ig-media-insight.repository.js';
import { isGraphApiError } from '../../instagram/index.js';
import type { StepContext } from '../step.contract.js';
import { chunked, mapBounded } from './bounded.js';
import type { StepDeps } from './step-deps.js';
import type { StepTally } from './step-tally.js';

/** Valid for every media type (a v25 probe: IMAGE, VIDEO, CAROUSEL_ALBUM and REELS alike). */
const COMMON: readonly string[] = [
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
  reels: [...COMMON, 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time', 'reposts'],
  feedPhotoOrAlbum: [...COMMON, 'follows', 'profile_visits'],
  other: COMMON,
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

/**
 * Lifetime insights of the window's live media, refreshed every run (one call per media;
 * carousel children have none and are not asked). A media Instagram refuses for itself
 * (posted before the business conversion, deleted meanwhile: `skippable`) is counted as
 * skipped; a metric Instagram leaves out is stored as NULL.
 */
export async function syncMediaInsights(
  deps: StepDeps,
  context: StepContext,
  tally: StepTally,
): Promise<void> {
  const media = await deps.repos.media.findKindsInWindow({
    igUserId: context.account.igUserId,
    windowStart: context.window.start,
  });
  for (const batch of chunked(media, deps.options.insightBatch)) {
    const fetched = await mapBounded(batch, deps.options.insightConcurrency, (m) =>
      fetchOne(deps, context, m),
    );
    const rows = fetched.flatMap((f) => f?.rows ?? []);
    const written = await deps.repos.mediaInsights.upsertMany(rows);
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
  media: MediaKind,
): Promise<{ rows: MediaInsightRecord[]; read: number } | null> {
  const metrics = mediaInsightMetrics(media);
  try {
    return await readMetrics(deps, context, media, metrics);
  } catch (error) {
    if (refusesMetrics(error) && metrics !== COMMON) {
      try {
        return await readMetrics(deps, context, media, COMMON);
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
  const fetchedAt = deps.options.now();
  const rows = metrics.map((metric) => {
    const value = insights.find((i) => i.name === metric)?.values?.[0]?.value;
    return {
      mediaId: media.id,
      metric,
      value: typeof value === 'number' ? value : null,
      fetchedAt,
    };
  });
  return { rows, read: rows.filter((r) => r.value !== null).length };
}

/** A media Instagram will not give insights for: skipped and counted; anything else fails. */
function skipped(context: StepContext, media: MediaKind, error: unknown): null {
  if (!isGraphApiError(error, 'skippable') && !refusesMetrics(error)) throw error;
  context.logger.info({ mediaId: media.id, error }, 'media insights skipped');
  return null;
}
