import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ExecutionType, RunStatus, StepName, StepStatus } from '../../runs/run.vocabulary.js';
import { ExecutionTypeEnum, RunStatusEnum, StepNameEnum, StepStatusEnum } from './enums.js';

@ObjectType({ description: "One account's failure in a step." })
export class AccountFailureType {
  @Field(() => Int) userNo!: number;
  @Field({ description: 'Stable code, e.g. GRAPH_AUTH_190_463.' }) errorCode!: string;
  @Field() error!: string;
}

@ObjectType('BatchStep', { description: 'One of the four steps of a run.' })
export class StepType {
  @Field(() => StepNameEnum) name!: StepName;
  @Field(() => StepStatusEnum) status!: StepStatus;
  @Field(() => Int) readCount!: number;
  @Field(() => Int) writeCount!: number;
  @Field(() => Int) skipCount!: number;
  @Field(() => [AccountFailureType]) failures!: AccountFailureType[];
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
}

@ObjectType('BatchExecution', { description: 'One sync run (a Spring Batch job execution).' })
export class RunType {
  @Field(() => ID) id!: string;
  @Field() jobName!: string;
  @Field(() => RunStatusEnum) status!: RunStatus;
  @Field(() => ExecutionTypeEnum) executionType!: ExecutionType;
  @Field(() => Int, { nullable: true, description: 'null: all active accounts.' }) targetUserNo!:
    number | null;
  @Field(() => Int) monthsToSync!: number;
  @Field(() => Date) windowStart!: Date;
  @Field(() => Date) windowEnd!: Date;
  @Field(() => Date) queuedAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => ID, { nullable: true, description: 'The execution this one restarted.' })
  restartOf!: string | null;
  @Field(() => [StepType]) steps!: StepType[];
}

@ObjectType('BatchExecutionEdge')
export class RunEdge {
  @Field() cursor!: string;
  @Field(() => RunType) node!: RunType;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('BatchExecutionConnection')
export class RunConnection {
  @Field(() => [RunEdge]) edges!: RunEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('SyncLaunch', {
  description: 'The answer to a start: the run is queued and runs in the background.',
})
export class RunLaunchType {
  @Field(() => ID) executionId!: string;
  @Field(() => RunStatusEnum) status!: RunStatus;
  @Field() message!: string;
  @Field(() => Date) executionTime!: Date;
  @Field(() => ExecutionTypeEnum) executionType!: ExecutionType;
  @Field(() => Int, { nullable: true }) targetUserNo!: number | null;
  @Field(() => Int) monthsToSync!: number;
  @Field({
    description:
      'True when a queued or running run for the same target was returned instead of a new one.',
  })
  deduplicated!: boolean;
}

@ObjectType('BatchSchedule', { description: 'A recurring sync and when it next starts.' })
export class ScheduledSyncType {
  @Field({ description: '`nightly` (SYNC_CRON) or `deep` (SYNC_DEEP_CRON).' }) name!: string;
  @Field({ description: 'Five-field cron line, in the batch time zone.' }) cron!: string;
  @Field(() => Int, { description: 'Months each of its runs covers.' }) months!: number;
  @Field(() => Date, { nullable: true }) nextRunAt!: Date | null;
}

@ObjectType('BatchStatus')
export class StatusOverviewType {
  @Field() batchName!: string;
  @Field() description!: string;
  @Field() schedule!: string;
  @Field() cron!: string;
  @Field() timezone!: string;
  @Field(() => Date, { nullable: true }) nextRunAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastExecution!: Date | null;
  @Field() status!: string;
  @Field(() => Int, { description: 'Runs executing now.' }) running!: number;
  @Field(() => Int, { description: 'Runs waiting.' }) queued!: number;
  @Field(() => Int) queueCapacity!: number;
  @Field(() => Int, { description: 'Runs one worker executes at once.' }) concurrency!: number;
  @Field(() => [ScheduledSyncType], { description: 'The recurring syncs, soonest first.' })
  schedules!: ScheduledSyncType[];
}
