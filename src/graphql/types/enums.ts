import { registerEnumType } from 'type-graphql';
import {
  EXECUTION_TYPES,
  RUN_EVENT_TYPES,
  RUN_STATUSES,
  STEP_NAMES,
  STEP_STATUSES,
} from '../../runs/run.vocabulary.js';
import { IG_LOGIN_TYPES } from '../../accounts/login-types.js';

/** GraphQL enums whose values are the stored strings themselves (no mapping layer). */
const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const RunStatusEnum = enumOf(RUN_STATUSES);
export const StepStatusEnum = enumOf(STEP_STATUSES);
export const StepNameEnum = enumOf(STEP_NAMES);
export const ExecutionTypeEnum = enumOf(EXECUTION_TYPES);
export const RunEventTypeEnum = enumOf(RUN_EVENT_TYPES);
export const InstagramLoginTypeEnum = enumOf(IG_LOGIN_TYPES);

registerEnumType(RunStatusEnum, {
  name: 'RunStatus',
  description: 'QUEUED → RUNNING → COMPLETED | COMPLETED_WITH_ERRORS | FAILED | CANCELLED',
});
registerEnumType(StepStatusEnum, {
  name: 'StepStatus',
  description: 'PENDING → RUNNING → COMPLETED | COMPLETED_WITH_ERRORS | FAILED | SKIPPED',
});
registerEnumType(StepNameEnum, {
  name: 'StepName',
  description: 'The four steps, in the order they run.',
});
registerEnumType(ExecutionTypeEnum, { name: 'ExecutionType' });
registerEnumType(RunEventTypeEnum, { name: 'RunEventType' });
registerEnumType(InstagramLoginTypeEnum, {
  name: 'InstagramLoginType',
  description:
    'How the access token was obtained: FACEBOOK (Facebook Login, graph.facebook.com) or INSTAGRAM (Business Login for Instagram, graph.instagram.com).',
});
