import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { IgLoginType } from '../../accounts/login-types.js';
import { InstagramLoginTypeEnum } from './enums.js';
import { PageInfo } from './run.type.js';

/** Synced data, named as the Graph API names it, in camelCase. */

@ObjectType('InstagramProfile')
export class ProfileType {
  @Field(() => ID) igUserId!: string;
  @Field(() => ID, { nullable: true }) igId!: string | null;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) biography!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => Int, { nullable: true }) followersCount!: number | null;
  @Field(() => Int, { nullable: true }) followsCount!: number | null;
  @Field(() => Int, { nullable: true }) mediaCount!: number | null;
  @Field(() => String, { nullable: true }) profilePictureUrl!: string | null;
  @Field(() => Date) fetchedAt!: Date;
}

@ObjectType('InstagramMediaChild')
export class MediaChildType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) mediaType!: string | null;
  @Field(() => String, { nullable: true }) mediaUrl!: string | null;
  @Field(() => String, { nullable: true }) thumbnailUrl!: string | null;
}

@ObjectType('InstagramMediaInsight', {
  description: 'A lifetime value of one media metric; null = not available yet.',
})
export class MediaInsightType {
  @Field() metric!: string;
  @Field(() => Number, { nullable: true }) value!: number | null;
  @Field(() => Date) fetchedAt!: Date;
}

@ObjectType('InstagramComment')
export class CommentType {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => Int, { nullable: true }) likeCount!: number | null;
  @Field() hidden!: boolean;
  @Field(() => Date) timestamp!: Date;
  @Field(() => ID, { nullable: true, description: 'Set on replies: the comment they answer.' })
  parentId!: string | null;
}

@ObjectType('InstagramCommentEdge')
export class CommentEdge {
  @Field() cursor!: string;
  @Field(() => CommentType) node!: CommentType;
}

@ObjectType('InstagramCommentConnection')
export class CommentConnection {
  @Field(() => [CommentEdge]) edges!: CommentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('InstagramMedia')
export class MediaType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) caption!: string | null;
  @Field() mediaType!: string;
  @Field(() => String, { nullable: true }) mediaProductType!: string | null;
  @Field(() => String, { nullable: true }) mediaUrl!: string | null;
  @Field(() => String, { nullable: true }) thumbnailUrl!: string | null;
  @Field(() => String, { nullable: true }) permalink!: string | null;
  @Field(() => String, { nullable: true }) shortcode!: string | null;
  @Field(() => Date) timestamp!: Date;
  @Field(() => Int, { nullable: true }) likeCount!: number | null;
  @Field(() => Int, { nullable: true }) commentsCount!: number | null;
  @Field(() => Boolean, { nullable: true }) isCommentEnabled!: boolean | null;
  @Field(() => [MediaChildType], { nullable: true }) children!: MediaChildType[] | null;
}

@ObjectType('InstagramMediaEdge')
export class MediaEdge {
  @Field() cursor!: string;
  @Field(() => MediaType) node!: MediaType;
}

@ObjectType('InstagramMediaConnection')
export class MediaConnection {
  @Field(() => [MediaEdge]) edges!: MediaEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('InsightValue', {
  description: 'One daily account insight; value null = not yet measured (not 0).',
})
export class InsightValueType {
  @Field() metric!: string;
  @Field() period!: string;
  @Field({ description: 'YYYY-MM-DD in SYNC_TIMEZONE.' }) date!: string;
  @Field(() => Number, { nullable: true }) value!: number | null;
}

@ObjectType('ProfileSnapshot', {
  description: "An account's counts as the last sync of one day stored them.",
})
export class ProfileSnapshotType {
  @Field({ description: 'YYYY-MM-DD in SYNC_TIMEZONE.' }) date!: string;
  @Field(() => Int, { nullable: true }) followersCount!: number | null;
  @Field(() => Int, { nullable: true }) followsCount!: number | null;
  @Field(() => Int, { nullable: true }) mediaCount!: number | null;
}

@ObjectType('InstagramAccount')
export class InstagramAccountType {
  @Field(() => Int) userNo!: number;
  @Field(() => ID) igUserId!: string;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field({ description: 'active, disconnected or token_invalid.' }) status!: string;
  @Field(() => InstagramLoginTypeEnum, { description: 'The login flavour the token came from.' })
  loginType!: IgLoginType;
  @Field(() => Date) connectedAt!: Date;
  @Field(() => Date, { nullable: true }) lastSyncedAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'When the access token expires, as Instagram reported it; null = not known or never.',
  })
  tokenExpiresAt!: Date | null;
  @Field(() => [String], { description: 'Permissions the token was granted at connect.' })
  scopes!: string[];
  /** Not exposed on its own: it feeds `tokenStatus`. */
  dataAccessExpiresAt!: Date | null;
}

@ObjectType('InstagramAccountEdge')
export class InstagramAccountEdge {
  @Field() cursor!: string;
  @Field(() => InstagramAccountType) node!: InstagramAccountType;
}

@ObjectType('InstagramAccountConnection')
export class InstagramAccountConnection {
  @Field(() => [InstagramAccountEdge]) edges!: InstagramAccountEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
