import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { SyncedDataReader } from '../../sync/synced-data.reader.js';
import type { GraphqlContext } from '../graphql-context.js';
import { guarded } from '../graphql-errors.js';
import { pageSize } from '../graphql-args.js';
import { pagedList } from '../limits/operation-limits.js';
import { InstagramAccountConnection } from '../types/instagram-account.type.js';

@ArgsType()
class AccountListArgs {
  @Field(() => Int, { nullable: true, description: '1 to 100; default 20.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** The connected accounts a caller may see: every one for an admin, its own for a user. */
@Resolver()
export class InstagramAccountListResolver {
  constructor(private readonly reads: SyncedDataReader) {}

  @Query(() => InstagramAccountConnection, {
    description: 'Connected accounts by userNo, in any status (an admin sees all, a user its own).',
    complexity: pagedList(),
  })
  instagramAccounts(
    @Args(() => AccountListArgs) args: AccountListArgs,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<InstagramAccountConnection> {
    return guarded(async () =>
      this.reads.accounts({
        first: pageSize(args.first, 'first'),
        after: args.after,
        userNo: caller.role === 'admin' ? undefined : caller.userNo,
      }),
    );
  }
}
