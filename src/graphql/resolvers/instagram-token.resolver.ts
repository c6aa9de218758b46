import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { TokenRefresher } from '../../accounts/token-refresher.js';
import { tokenStatusOf, type TokenStatus } from '../../accounts/token-status.js';
import { access } from '../../auth/access.policy.js';
import type { GraphqlContext } from '../graphql-context.js';
import { guarded } from '../graphql-errors.js';
import { InstagramAccountType } from '../types/instagram-account.type.js';
import { TokenStatusEnum } from '../types/token-status.type.js';

/** An account's access token: how it stands, and refreshing it. */
@Resolver(() => InstagramAccountType)
export class InstagramTokenResolver {
  constructor(private readonly tokens: TokenRefresher) {}

  @FieldResolver(() => TokenStatusEnum)
  tokenStatus(@Root() account: InstagramAccountType): TokenStatus {
    return tokenStatusOf(account, Date.now());
  }

  @Mutation(() => InstagramAccountType, {
    description:
      'Admin only. Refreshes an Instagram-Login token now (the daily check does it ahead of expiry); a Facebook-Login account must connect again instead.',
  })
  refreshInstagramToken(
    @Arg('userNo', () => Int) userNo: number,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<InstagramAccountType> {
    return guarded(() => {
      access.assertAdmin(caller, 'refresh an Instagram token');
      return this.tokens.refresh(userNo);
    });
  }
}
