import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { RunStatus } from '../../runs/run.vocabulary.js';
import { RunStatusEnum } from './enums.js';

// Argument classes keep the contract's argument order in the schema (parameter decorators
// would list them last-to-first).

@ArgsType()
export class StartSyncArgs {
  @Field(() => Int, { nullable: true, description: 'One user; all active accounts when omitted.' })
  userNo?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 12; default 6.' })
  months?: number | null;
}

@ArgsType()
export class BatchExecutionsArgs {
  @Field(() => Int, { nullable: true, description: '1 to 100; default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;

  @Field(() => RunStatusEnum, { nullable: true })
  status?: RunStatus | null;

  @Field(() => Int, { nullable: true })
  userNo?: number | null;
}

@ArgsType()
export class BatchProgressArgs {
  @Field(() => ID, {
    nullable: true,
    description: "The run to follow; every run's live events when omitted.",
  })
  executionId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The last seq already seen; 0 replays from the start.',
  })
  afterSeq?: number | null;
}
