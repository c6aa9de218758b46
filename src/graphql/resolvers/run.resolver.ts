import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { access } from '../../auth/access.policy.js';
import type { RunQueries } from '../../runs/run.queries.js';
import type { RunLauncher } from '../../runs/run-launcher.js';
import type { GraphqlContext } from '../graphql-context.js';
import { guarded } from '../graphql-errors.js';
import { parseRunId } from '../graphql-args.js';
import { pagedList } from '../limits/operation-limits.js';
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
    @Ctx() { caller }: GraphqlContext,
  ): Promise<RunLaunchType> {
    return guarded(() => {
      access.assertMayTarget(caller, userNo ?? null);
      return this.launcher.start({ userNo, months, executionType: 'manual_async' });
    });
  }

  @Mutation(() => RunType, {
    description: 'Cancels a queued run at once, or a running one between pages.',
  })
  cancelInstagramSync(
    @Arg('executionId', () => ID) executionId: string,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<RunType> {
    return guarded(async () => {
      const id = parseRunId(executionId, 'executionId');
      access.assertMayChange(caller, await this.queries.getRun(id));
      return access.visibleRun(caller, await this.launcher.cancel(id));
    });
  }

  @Mutation(() => RunLaunchType, {
    description: 'Restarts a FAILED or COMPLETED_WITH_ERRORS run from its first unfinished step.',
  })
  restartInstagramSync(
    @Arg('executionId', () => ID) executionId: string,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<RunLaunchType> {
    return guarded(async () => {
      const id = parseRunId(executionId, 'executionId');
      access.assertMayChange(caller, await this.queries.getRun(id));
      return this.launcher.restart(id);
    });
  }

  @Query(() => StatusOverviewType)
  batchStatus(): Promise<StatusOverviewType> {
    return guarded(() => this.queries.status());
  }

  @Query(() => RunType)
  batchExecution(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<RunType> {
    return guarded(async () => {
      const run = await this.queries.getRun(parseRunId(id, 'id'));
      access.assertMayRead(caller, run);
      return access.visibleRun(caller, run);
    });
  }

  @Query(() => RunConnection, { description: 'Runs, newest first.', complexity: pagedList() })
  async batchExecutions(
    @Args(() => BatchExecutionsArgs) { first, after, status, userNo }: BatchExecutionsArgs,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<RunConnection> {
    const page = await guarded(() => {
      if (caller.role === 'admin')
        return this.queries.listRuns({ first: first ?? undefined, after, status, userNo });
      // A user lists the runs that include its account: its own and all-accounts runs.
      if (userNo != null) access.assertMayTarget(caller, userNo);
      return this.queries.listRuns({
        first: first ?? undefined,
        after,
        status,
        userNo: caller.userNo,
        includingAllAccounts: true,
      });
    });
    return {
      edges: page.runs.map((run) => ({ cursor: run.id, node: access.visibleRun(caller, run) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
