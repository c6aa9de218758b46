import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { RunEventType, RunStatus, StepName } from '../../runs/run.vocabulary.js';
import { RunEventTypeEnum, RunStatusEnum, StepNameEnum } from './enums.js';

@ObjectType('RunProgress')
export class RunProgressType {
  @Field(() => Int, { description: 'Accounts finished in the step.' }) done!: number;
  @Field(() => Int, { description: 'Accounts in the step.' }) total!: number;
  @Field(() => Int, { description: 'Items written so far in the step.' }) items!: number;
}

@ObjectType('BatchProgressEvent', {
  description: 'One event of a run; seq is 1, 2, 3, … per run with no gap.',
})
export class RunEventGqlType {
  @Field(() => ID) executionId!: string;
  @Field(() => Int) seq!: number;
  @Field(() => RunEventTypeEnum) type!: RunEventType;
  @Field(() => StepNameEnum, { nullable: true }) step!: StepName | null;
  @Field(() => Date) at!: Date;
  @Field(() => RunProgressType, { nullable: true }) progress!: RunProgressType | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => Int, { nullable: true }) userNo!: number | null;
  @Field(() => RunStatusEnum, { description: 'The run status after this event.' })
  status!: RunStatus;
}
