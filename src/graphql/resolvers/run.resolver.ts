import { Arg, Args, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RunQueries } from '../../runs/run.queries.js';
import type { RunLauncher } from '../../runs/run-launcher.js';
import { guarded } from '../graphql-errors.js';
import { BatchExecutionsArgs, StartSyncArgs } from '../types/run.args.js';
import { StatusOverviewType, RunLaunchType, RunConnection, RunType } from '../types/run.type.js';

/** Starting, stopping and reading sync runs. */
@Resolver()
export class RunResolver {
  constructor(
    private readonly launcher: RunLauncher,
    private readonly queries: RunQueries,
  ) {}

  @Mutation(() => RunLaunchType, {
    description:
      'Queues a sync (all accounts, or one userNo) of 1–12 months (default 6) and answers at once.',
  })
  startInstagramSync(
    @Args(() => StartSyncArgs) { userNo, months }: StartSyncArgs,
  ): Promise<RunLaunchType> {
    return guarded(() => this.launcher.start({ userNo, months, executionType: 'manual_async' }));
  }

  @Mutation(() => RunType, {
    description: 'Cancels a queued run at once, or a running one between pages.',
  })
  cancelInstagramSync(@Arg('executionId', () => ID) executionId: string): Promise<RunType> {
    return guarded(() => this.launcher.cancel(executionId));
  }

  @Mutation(() => RunLaunchType, {
    description: 'Restarts a FAILED or COMPLETED_WITH_ERRORS run from its first unfinished step.',
  })
  restartInstagramSync(@Arg('executionId', () => ID) executionId: string): Promise<RunLaunchType> {
    return guarded(() => this.launcher.restart(executionId));
  }

  @Query(() => StatusOverviewType)
  batchStatus(): Promise<StatusOverviewType> {
    return guarded(() => this.queries.status());
  }

  @Query(() => RunType)
  batchExecution(@Arg('id', () => ID) id: string): Promise<RunType> {
    return guarded(() => this.queries.getRun(id));
  }

  @Query(() => RunConnection, { description: 'Runs, newest first.' })
  async batchExecutions(
    @Args(() => BatchExecutionsArgs) { first, after, status, userNo }: BatchExecutionsArgs,
  ): Promise<RunConnection> {
    const page = await guarded(() =>
      this.queries.listRuns({ first: first ?? undefined, after, status, userNo }),
    );
    return {
      edges: page.runs.map((run) => ({ cursor: run.id, node: run })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
