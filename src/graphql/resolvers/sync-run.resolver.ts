import { Arg, Args, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { BatchQueries } from '../../batch/batch-queries.js';
import type { SyncLauncher } from '../../batch/sync-launcher.js';
import { guarded } from '../graphql-errors.js';
import { BatchExecutionsArgs, StartSyncArgs } from '../types/sync-run.args.js';
import {
  BatchStatusType,
  SyncLaunchType,
  SyncRunConnection,
  SyncRunType,
} from '../types/sync-run.type.js';

/** Starting, stopping and reading sync runs. */
@Resolver()
export class SyncRunResolver {
  constructor(
    private readonly launcher: SyncLauncher,
    private readonly queries: BatchQueries,
  ) {}

  @Mutation(() => SyncLaunchType, {
    description:
      'Queues a sync (all accounts, or one userNo) of 1–12 months (default 6) and answers at once.',
  })
  startInstagramSync(
    @Args(() => StartSyncArgs) { userNo, months }: StartSyncArgs,
  ): Promise<SyncLaunchType> {
    return guarded(() => this.launcher.start({ userNo, months, executionType: 'manual_async' }));
  }

  @Mutation(() => SyncRunType, {
    description: 'Cancels a queued run at once, or a running one between pages.',
  })
  cancelInstagramSync(@Arg('executionId', () => ID) executionId: string): Promise<SyncRunType> {
    return guarded(() => this.launcher.cancel(executionId));
  }

  @Mutation(() => SyncLaunchType, {
    description: 'Restarts a FAILED or COMPLETED_WITH_ERRORS run from its first unfinished step.',
  })
  restartInstagramSync(@Arg('executionId', () => ID) executionId: string): Promise<SyncLaunchType> {
    return guarded(() => this.launcher.restart(executionId));
  }

  @Query(() => BatchStatusType)
  batchStatus(): Promise<BatchStatusType> {
    return guarded(() => this.queries.status());
  }

  @Query(() => SyncRunType)
  batchExecution(@Arg('id', () => ID) id: string): Promise<SyncRunType> {
    return guarded(() => this.queries.getRun(id));
  }

  @Query(() => SyncRunConnection, { description: 'Runs, newest first.' })
  async batchExecutions(
    @Args(() => BatchExecutionsArgs) { first, after, status, userNo }: BatchExecutionsArgs,
  ): Promise<SyncRunConnection> {
    const page = await guarded(() =>
      this.queries.listRuns({ first: first ?? undefined, after, status, userNo }),
    );
    return {
      edges: page.runs.map((run) => ({ cursor: run.id, node: run })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
