import type { GraphApiTransport, GraphCall } from './graph-api.transport.js';
import type { GraphPage } from './graph-api.types.js';

/** What the Instagram-Login `/me` says about its token's account. */
export interface InstagramLoginUser {
  /** `user_id`: the professional-account id every other call uses (`id` is app-scoped). */
  igUserId: string;
  username: string | null;
}

interface PageRow {
  instagram_business_account?: { id?: string };
}

/**
 * The Instagram business accounts linked to the Pages of a Facebook-Login token, read from
 * `/me/accounts` page by page, in the order Facebook lists them, without repeats. A Page with
 * no Instagram account has no `instagram_business_account` field. Failures are thrown.
 */
export async function collectPageAccounts(
  pages: AsyncIterable<GraphPage<PageRow>>,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of pages) {
    for (const row of page.data) {
      const id = row.instagram_business_account?.id;
      if (typeof id === 'string' && id !== '' && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** `GET /me?fields=user_id,username` on the Instagram-Login host. Failures are thrown. */
export async function readInstagramLoginUser(
  transport: GraphApiTransport,
  call: GraphCall,
): Promise<InstagramLoginUser | null> {
  const me = await transport.get<{ user_id?: string | number; username?: string }>(call);
  const igUserId = me.user_id === undefined ? '' : String(me.user_id);
  return igUserId ? { igUserId, username: me.username ?? null } : null;
}
