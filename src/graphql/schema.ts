import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { BatchQueries } from '../batch/batch-queries.js';
import type { SyncLauncher } from '../batch/sync-launcher.js';
import { BatchProgressResolver } from './resolvers/batch-progress.resolver.js';
import { SyncRunResolver } from './resolvers/sync-run.resolver.js';
import {
  CommentResolver,
  InstagramAccountResolver,
  MediaResolver,
  type AccountReads,
} from './resolvers/instagram-account.resolver.js';
import type { ConnectedAccounts } from '../batch/connected-accounts.js';

export interface SchemaServices {
  launcher: SyncLauncher;
  queries: BatchQueries;
  accounts: ConnectedAccounts;
  reads: AccountReads;
}

export const RESOLVERS = [
  SyncRunResolver,
  BatchProgressResolver,
  InstagramAccountResolver,
  MediaResolver,
  CommentResolver,
] as const;

/** Builds the executable schema; resolvers get their services through a tiny container. */
export async function buildGraphqlSchema(services: SchemaServices | null): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>(
    services
      ? [
          [SyncRunResolver, new SyncRunResolver(services.launcher, services.queries)],
          [BatchProgressResolver, new BatchProgressResolver()],
          [
            InstagramAccountResolver,
            new InstagramAccountResolver(services.accounts, services.reads),
          ],
          [MediaResolver, new MediaResolver(services.reads)],
          [CommentResolver, new CommentResolver()],
        ]
      : [],
  );
  const container: ContainerType = {
    get: (someClass) => {
      const instance = instances.get(someClass);
      if (!instance)
        throw new Error(
          `no resolver instance for ${String((someClass as { name?: string }).name)}`,
        );
      return instance;
    },
  };
  // Our subscription streams from its own `subscribe`; type-graphql still wants a pub/sub.
  return buildSchema({ resolvers: RESOLVERS, container, validate: false, pubSub: createPubSub() });
}
