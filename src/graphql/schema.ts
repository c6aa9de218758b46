import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { RunQueries } from '../runs/run.queries.js';
import type { RunLauncher } from '../runs/run-launcher.js';
import { RunProgressResolver } from './resolvers/run-progress.resolver.js';
import { RunResolver } from './resolvers/run.resolver.js';
import {
  CommentResolver,
  InstagramAccountResolver,
  MediaResolver,
  type AccountReads,
} from './resolvers/instagram-account.resolver.js';
import type { ConnectedAccounts } from '../accounts/connected-accounts.js';
import type { TokenRefresher } from '../accounts/token-refresher.js';
import { InstagramTokenResolver } from './resolvers/instagram-token.resolver.js';
import { InstagramAccountListResolver } from './resolvers/instagram-account-list.resolver.js';

export interface SchemaServices {
  launcher: RunLauncher;
  queries: RunQueries;
  accounts: ConnectedAccounts;
  tokens: TokenRefresher;
  reads: AccountReads;
}

export const RESOLVERS = [
  RunResolver,
  RunProgressResolver,
  InstagramAccountResolver,
  InstagramAccountListResolver,
  InstagramTokenResolver,
  MediaResolver,
  CommentResolver,
] as const;

/** Builds the executable schema; resolvers get their services through a tiny container. */
export async function buildGraphqlSchema(services: SchemaServices | null): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>(
    services
      ? [
          [RunResolver, new RunResolver(services.launcher, services.queries)],
          [RunProgressResolver, new RunProgressResolver()],
          [
            InstagramAccountResolver,
            new InstagramAccountResolver(services.accounts, services.reads),
          ],
          [InstagramAccountListResolver, new InstagramAccountListResolver(services.reads)],
          [InstagramTokenResolver, new InstagramTokenResolver(services.tokens)],
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
