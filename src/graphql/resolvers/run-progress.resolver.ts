import { Args, Resolver, Root, Subscription } from 'type-graphql';
import { viewerOf } from '../../auth/access.policy.js';
import type { RunEvent } from '../../runs/run.vocabulary.js';
import type { GraphqlContext } from '../graphql-context.js';
import { toGraphQLError } from '../graphql-errors.js';
import { RunEventGqlType } from '../types/run-event.type.js';
import { BatchProgressArgs } from '../types/run.args.js';

/** Live run events: stored ones after `afterSeq` first, then live, with no gap or duplicate. */
@Resolver()
export class RunProgressResolver {
  @Subscription(() => RunEventGqlType, {
    description:
      "A run's events (replayed after afterSeq, then live; completes after the final event), or every run's live events without executionId.",
    // subscribe runs outside the resolver instance: the feed comes through the context.
    subscribe: ({ args, context }) =>
      (context as GraphqlContext).feed
        .open(args as BatchProgressArgs, viewerOf((context as GraphqlContext).caller))
        .catch((error: unknown) => {
          throw toGraphQLError(error);
        }),
  })
  batchProgress(
    @Root() event: RunEvent,
    @Args(() => BatchProgressArgs) _args: BatchProgressArgs,
  ): RunEventGqlType {
    return { ...event, at: new Date(event.at) };
  }
}
