import type { GraphPage, IgMedia } from '../../instagram/index.js';
import type { StepHandoff } from '../step.contract.js';
import type { MediaPass } from './media-pages.js';

/**
 * What the profile step, which read the first media page with the profile, hands the media
 * step: where the pass goes on (the page's `after` cursor; none when that page was the last
 * one of the window), when the pass began, and how many media it listed.
 */
export interface MediaHandoff {
  after: string | null;
  seenAt: Date;
  listed: number;
}

export function mediaHandoff(
  pass: MediaPass,
  first: GraphPage<IgMedia>,
  seenAt: Date,
): StepHandoff {
  const passed = { mediaSeenAt: seenAt.toISOString(), mediaListed: pass.listed };
  if (pass.reachedStart || !first.paging?.next) return { ...passed, mediaDone: true };
  const after = first.paging.cursors?.after;
  // A `next` without a cursor cannot be gone on from: the media step lists from the top.
  return after ? { ...passed, mediaAfter: after } : {};
}

/** The handoff of the profile step, or null when it left none the media step can use. */
export function readMediaHandoff(handedOn: StepHandoff | null): MediaHandoff | null {
  if (!handedOn || typeof handedOn.mediaSeenAt !== 'string') return null;
  const after = typeof handedOn.mediaAfter === 'string' ? handedOn.mediaAfter : null;
  if (!after && handedOn.mediaDone !== true) return null;
  return {
    after,
    seenAt: new Date(handedOn.mediaSeenAt),
    listed: typeof handedOn.mediaListed === 'number' ? handedOn.mediaListed : 0,
  };
}
