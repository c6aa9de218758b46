import type { Logger } from 'pino';
import { PROFILE_FIELDS, withoutNestedInsights } from './graph-api.fields.js';
import { isGraphApiError } from './graph-api.error.js';
import type { GraphApiTransport, GraphCall } from './graph-api.transport.js';
import type { GraphPage, IgAccount, IgMedia, IgProfile } from './graph-api.types.js';
import type { GraphHosts } from './graph-hosts.js';
import { scaleLimits, type LimitMemory } from './limit.memory.js';

/** The first media page as a media-edge request would ask it (`limit` + nested fields). */
export interface FirstMediaPage {
  limit: number;
  fields: string;
  /** Unix seconds: only media created since (Instagram's time-based paging). */
  since?: string;
}

export interface ProfileWithMedia {
  profile: IgProfile;
  /** The first media page; `paging.next` leads on to the second. Empty when there is none. */
  media: GraphPage<IgMedia>;
}

interface Deps {
  transport: GraphApiTransport;
  hosts: GraphHosts;
  limits: LimitMemory;
  logger?: Logger;
}

/** The next halving count that makes the request smaller, or undefined at the smallest. */
function smaller(base: Record<string, string>, times: number): number | undefined {
  const now = scaleLimits(base, times);
  return [times + 1, times + 2].find((t) => {
    const next = scaleLimits(base, t);
    return next.limit !== now.limit || next.fields !== now.fields;
  });
}

/**
 * The profile and the first media page in one request, by field expansion on the IG user
 * node: `fields=<profile>,media.since(t).limit(P){<media>,comments.limit(L){…}}`. Sizes shrink
 * like a media page's (the same `media` limit memory) while Instagram says it is too much; a
 * page whose nested insights fail is asked again without them (their media then have none).
 * The process's first such request goes alone (`LimitMemory.firstOf`).
 */
export function getProfileWithMedia(
  deps: Deps,
  account: IgAccount,
  page: FirstMediaPage,
): Promise<ProfileWithMedia> {
  return deps.limits.firstOf('media', () => askProfileWithMedia(deps, account, page));
}

async function askProfileWithMedia(
  deps: Deps,
  account: IgAccount,
  page: FirstMediaPage,
): Promise<ProfileWithMedia> {
  let times = deps.limits.get(account.igUserId, 'media');
  let base = { limit: String(page.limit), fields: page.fields };
  for (;;) {
    const scaled = scaleLimits(base, times);
    const since = page.since ? `.since(${page.since})` : '';
    const media = `media${since}.limit(${scaled.limit}){${scaled.fields}}`;
    const call: GraphCall = deps.hosts.call(
      account,
      `/${account.igUserId}`,
      { fields: `${PROFILE_FIELDS},${media}` },
      'account',
      'profile',
    );
    const next = smaller(base, times);
    try {
      const node = await deps.transport.get<IgProfile & { media?: GraphPage<IgMedia> }>({
        ...call,
        shrinkable: next !== undefined,
      });
      const { media: first, ...profile } = node;
      return { profile, media: { data: first?.data ?? [], paging: first?.paging } };
    } catch (error) {
      if (!isGraphApiError(error)) throw error;
      if (error.wantsLess && next !== undefined) {
        times = next;
        if (error.tooMuchData) deps.limits.remember(account.igUserId, 'media', times);
        continue;
      }
      const simpler = withoutNestedInsights(base, error);
      if (!simpler || simpler.fields === base.fields) throw error;
      deps.logger?.info(
        { igUserId: account.igUserId, err: error.toJSON() },
        'profile with media failed; asking it again without nested insights',
      );
      base = { limit: base.limit, fields: simpler.fields! };
    }
  }
}
