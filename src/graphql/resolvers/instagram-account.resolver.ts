import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { ConnectedAccounts } from '../../accounts/connected-accounts.js';
import type { IgLoginType } from '../../accounts/login-types.js';
import { InstagramLoginTypeEnum } from '../types/enums.js';
import { access } from '../../auth/access.policy.js';
import { isAdmin } from '../../auth/caller.js';
import type { SyncedDataReader } from '../../sync/synced-data.reader.js';
import type { GraphqlContext } from '../graphql-context.js';
import { guarded } from '../graphql-errors.js';
import { pageSize, parseTime } from '../graphql-args.js';
import { dayRange, insightRange } from '../insight-range.js';
import { pagedList } from '../limits/operation-limits.js';
import {
  CommentConnection,
  CommentType,
  InsightValueType,
  InstagramAccountType,
  MediaConnection,
  MediaInsightType,
  MediaType,
  ProfileSnapshotType,
  ProfileType,
} from '../types/instagram-account.type.js';

export type AccountReads = SyncedDataReader;

@InputType()
export class ConnectInstagramAccountInput {
  @Field(() => Int) userNo!: number;
  @Field(() => ID, {
    nullable: true,
    description:
      'The Instagram account to connect; when omitted, the one the token reaches (refused when it reaches several or none).',
  })
  igUserId?: string | null;
  @Field({ description: 'Checked with Instagram, stored encrypted, never returned.' })
  accessToken!: string;
  @Field(() => InstagramLoginTypeEnum, {
    defaultValue: 'FACEBOOK',
    description: 'How the token was obtained; decides discovery, checks and the host synced.',
  })
  loginType!: IgLoginType;
}

@ArgsType()
class MediaArgs {
  @Field(() => Int, { nullable: true, description: '1 to 100; default 20.' }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601: media created at or after.' })
  since?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601: media created before.' }) until?:
    string | null;
}

@ArgsType()
class DisconnectArgs {
  @Field(() => Int) userNo!: number;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Also delete the synced profile, media, comments and insights. Default false.',
  })
  purgeData?: boolean | null;
}

@ArgsType()
class DayRangeArgs {
  @Field({ description: 'First day, YYYY-MM-DD.' }) since!: string;
  @Field({ description: 'Last day, YYYY-MM-DD.' }) until!: string;
}

@ArgsType()
class InsightArgs extends DayRangeArgs {
  @Field(() => [String], { nullable: true, description: 'Metric names; all when omitted.' })
  metrics?: string[] | null;
}

/** Connecting accounts and reading what the runs synced. */
@Resolver(() => InstagramAccountType)
export class InstagramAccountResolver {
  constructor(
    private readonly accounts: ConnectedAccounts,
    private readonly reads: AccountReads,
  ) {}

  @Mutation(() => InstagramAccountType, {
    description: 'Checks the token against the Graph API and stores it encrypted.',
  })
  connectInstagramAccount(
    @Arg('input', () => ConnectInstagramAccountInput) input: ConnectInstagramAccountInput,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<InstagramAccountType> {
    return guarded(() => {
      access.assertMayTarget(caller, input.userNo);
      return this.accounts.connect({ ...input, mayRebind: isAdmin(caller) });
    });
  }

  @Mutation(() => InstagramAccountType, {
    description:
      'Deletes the stored token (later runs skip the account); purgeData also deletes its synced rows.',
  })
  disconnectInstagramAccount(
    @Args(() => DisconnectArgs) { userNo, purgeData }: DisconnectArgs,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<InstagramAccountType> {
    return guarded(() => {
      access.assertMayTarget(caller, userNo);
      return this.accounts.disconnect(userNo, purgeData ?? false);
    });
  }

  @Query(() => InstagramAccountType, { nullable: true })
  instagramAccount(
    @Arg('userNo', () => Int) userNo: number,
    @Ctx() { caller }: GraphqlContext,
  ): Promise<InstagramAccountType | null> {
    return guarded(() => {
      access.assertMayTarget(caller, userNo);
      return this.reads.findAccount(userNo);
    });
  }

  @FieldResolver(() => ProfileType, { nullable: true })
  profile(@Root() account: InstagramAccountType): Promise<ProfileType | null> {
    return this.reads.findProfile(account.igUserId);
  }

  @FieldResolver(() => MediaConnection, {
    description: 'Media not deleted on Instagram, newest first.',
    complexity: pagedList(),
  })
  media(
    @Root() account: InstagramAccountType,
    @Args(() => MediaArgs) args: MediaArgs,
  ): Promise<MediaConnection> {
    return guarded(async () =>
      this.reads.media(account.igUserId, {
        first: pageSize(args.first, 'first'),
        after: args.after,
        since: parseTime(args.since, 'since'),
        until: parseTime(args.until, 'until'),
      }),
    );
  }

  @FieldResolver(() => [InsightValueType], {
    description: 'Daily account insights of the range, by metric then day.',
  })
  async insights(
    @Root() account: InstagramAccountType,
    @Args(() => InsightArgs) args: InsightArgs,
  ): Promise<InsightValueType[]> {
    const rows = await guarded(() =>
      this.reads.accountInsights(account.igUserId, insightRange(args)),
    );
    return rows.map((r) => ({ metric: r.metric, period: r.period, date: r.day, value: r.value }));
  }

  @FieldResolver(() => [ProfileSnapshotType], {
    description:
      'Followers, follows and media counts per day of the range, oldest first: one snapshot per day a sync ran (Instagram keeps no history of these counts).',
  })
  async followersHistory(
    @Root() account: InstagramAccountType,
    @Args(() => DayRangeArgs) args: DayRangeArgs,
  ): Promise<ProfileSnapshotType[]> {
    const rows = await guarded(() => this.reads.profileHistory(account.igUserId, dayRange(args)));
    return rows.map(({ day, followersCount, followsCount, mediaCount }) => ({
      date: day,
      followersCount,
      followsCount,
      mediaCount,
    }));
  }
}

@ArgsType()
class CommentArgs {
  @Field(() => Int, { nullable: true, description: '1 to 100; default 20.' }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}

/** A media's comments and insights, batched per request. */
@Resolver(() => MediaType)
export class MediaResolver {
  constructor(private readonly reads: AccountReads) {}

  @FieldResolver(() => CommentConnection, {
    description: 'Top-level comments, newest first.',
    complexity: pagedList(),
  })
  comments(
    @Root() media: MediaType,
    @Args(() => CommentArgs) args: CommentArgs,
  ): Promise<CommentConnection> {
    return guarded(async () =>
      this.reads.comments(media.id, { first: pageSize(args.first, 'first'), after: args.after }),
    );
  }

  @FieldResolver(() => [MediaInsightType])
  insights(@Root() media: MediaType, @Ctx() context: GraphqlContext): Promise<MediaInsightType[]> {
    return context.loaders.mediaInsights.load(media.id);
  }
}

/** Replies answered per comment unless `first` says otherwise (Instagram threads stay short). */
const REPLIES_DEFAULT = 50;

/** Replies of a comment, batched per request. */
@Resolver(() => CommentType)
export class CommentResolver {
  @FieldResolver(() => [CommentType], {
    description: 'Replies, oldest first: the first `first` of them.',
    complexity: pagedList(REPLIES_DEFAULT),
  })
  async replies(
    @Root() comment: CommentType,
    @Ctx() context: GraphqlContext,
    @Arg('first', () => Int, {
      nullable: true,
      description: `1 to 100; default ${REPLIES_DEFAULT}.`,
    })
    first?: number | null,
  ): Promise<CommentType[]> {
    const size = await guarded(async () => pageSize(first ?? REPLIES_DEFAULT, 'first'));
    if (comment.parentId) return [];
    return (await context.loaders.replies.load(comment.id)).slice(0, size);
  }
}
