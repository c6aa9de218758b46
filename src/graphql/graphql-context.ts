import type { Caller } from '../auth/caller.js';
import DataLoader from 'dataloader';
import type { RunEventFeed } from '../run-events/run-event-feed.js';
import type { SyncedDataReader } from '../sync/synced-data.reader.js';
import type { CommentType, MediaInsightType } from './types/instagram-account.type.js';

/** Per-request batching of nested lists (one query per page, not per media). */
export interface Loaders {
  mediaInsights: DataLoader<string, MediaInsightType[]>;
  replies: DataLoader<string, CommentType[]>;
}

/** What every GraphQL operation gets (HTTP and WebSocket alike). */
export interface GraphqlContext {
  /** Who asks (the local operator when authentication is off). */
  caller: Caller;
  feed: RunEventFeed;
  loaders: Loaders;
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k) ?? []);
}

export function createContext(
  caller: Caller,
  feed: RunEventFeed,
  reads: SyncedDataReader,
): GraphqlContext {
  return {
    caller,
    feed,
    loaders: {
      mediaInsights: new DataLoader(async (ids) =>
        groupBy(ids, await reads.mediaInsightsOf(ids), (r) => r.mediaId),
      ),
      replies: new DataLoader(async (ids) =>
        groupBy(ids, await reads.repliesOf(ids), (r) => r.parentId ?? ''),
      ),
    },
  };
}
