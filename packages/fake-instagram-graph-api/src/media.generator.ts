/**
 * One media item's metadata: type (photo, carousel with children, reel = VIDEO + REELS,
 * older feed video), CDN URLs with signed-looking params, permalink, caption, counts.
 */
import type { FakeChild, FakeMedia, MediaProductType, MediaType } from './fake-graph-api.types.js';
import { mediaId } from './fake-ids.js';
import { toGraphTime } from './graph-time.js';
import { caption, captionLength } from './korean-text.generator.js';
import { SeededRandom } from './seeded-random.js';

export type MediaDraft = Omit<FakeMedia, 'comments' | 'insights'>;
export type MediaShape = 'IMAGE' | 'CAROUSEL_ALBUM' | 'REELS' | 'FEED_VIDEO';

export interface MediaDraftInput {
  seed: number;
  tag: string;
  serial: number;
  ownerId: string;
  timestampMs: number;
  preConversion: boolean;
  /** Forces the caption length (code points). */
  captionLength?: number;
  shape?: MediaShape;
  /** Serials for carousel children. */
  allocateSerial: () => number;
}

const SHORTCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** Signed CDN URLs: they carry `_nc_rid`/`oe` like the real ones, which expire. */
function cdnUrl(rng: SeededRandom, serial: number, ext: 'jpg' | 'mp4'): string {
  const host = ext === 'mp4' ? 'video.cdninstagram.com' : 'scontent.cdninstagram.com';
  const path = ext === 'mp4' ? 'o1/v/t16/f2/m86' : 'v/t51.29350-15';
  const rid = rng.chars(SHORTCODE_ALPHABET, 12);
  const oe = (0x68000000 + rng.int(0, 0xffffff)).toString(16).toUpperCase();
  return `https://${host}/${path}/${serial}_${rng.int(1e6, 9e6)}_n.${ext}?_nc_cat=1&ccb=1-7&_nc_sid=18de74&_nc_rid=${rid}&oe=${oe}`;
}

function pickShape(rng: SeededRandom): MediaShape {
  const roll = rng.next();
  if (roll < 0.55) return 'IMAGE';
  if (roll < 0.75) return 'CAROUSEL_ALBUM';
  return roll < 0.95 ? 'REELS' : 'FEED_VIDEO';
}

function typesOf(shape: MediaShape): [MediaType, MediaProductType] {
  if (shape === 'REELS') return ['VIDEO', 'REELS'];
  if (shape === 'FEED_VIDEO') return ['VIDEO', 'FEED'];
  return [shape, 'FEED'];
}

function children(rng: SeededRandom, input: MediaDraftInput): FakeChild[] {
  return Array.from({ length: rng.int(2, 10) }, () => {
    const serial = input.allocateSerial();
    const video = rng.chance(0.2);
    const shortcode = rng.chars(SHORTCODE_ALPHABET, 11);
    return {
      id: mediaId(input.tag, serial),
      media_type: video ? 'VIDEO' : 'IMAGE',
      media_url: cdnUrl(rng, serial, video ? 'mp4' : 'jpg'),
      ...(video ? { thumbnail_url: cdnUrl(rng, serial, 'jpg') } : {}),
      permalink: `https://www.instagram.com/p/${shortcode}/`,
      shortcode,
      timestamp: toGraphTime(input.timestampMs),
    };
  });
}

export function draftMedia(input: MediaDraftInput): MediaDraft {
  const rng = new SeededRandom(input.seed, 4, input.serial);
  const shape = input.shape ?? pickShape(rng);
  const [mediaType, productType] = typesOf(shape);
  const video = mediaType === 'VIDEO';
  const shortcode = rng.chars(SHORTCODE_ALPHABET, 11);
  const copyrightFlagged = rng.chance(0.02);
  const popularity = rng.next() ** 2;
  return {
    id: mediaId(input.tag, input.serial),
    ig_id: `3${String(input.serial).padStart(6, '0')}${rng.chars('0123456789', 12)}`,
    caption: caption(rng, input.captionLength ?? captionLength(rng)),
    media_type: mediaType,
    media_product_type: productType,
    ...(copyrightFlagged ? {} : { media_url: cdnUrl(rng, input.serial, video ? 'mp4' : 'jpg') }),
    ...(video ? { thumbnail_url: cdnUrl(rng, input.serial, 'jpg') } : {}),
    permalink: `https://www.instagram.com/${shape === 'REELS' ? 'reel' : 'p'}/${shortcode}/`,
    shortcode,
    timestamp: toGraphTime(input.timestampMs),
    like_count: rng.chance(0.05) ? 0 : Math.round(popularity * 5000),
    comments_count: 0,
    is_comment_enabled: !rng.chance(0.05),
    ...(shape === 'CAROUSEL_ALBUM' ? { children: children(rng, input) } : {}),
    ownerId: input.ownerId,
    preConversion: input.preConversion,
  };
}
