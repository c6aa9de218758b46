/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ExecutionType = 'manual_async' | 'restart' | 'scheduled';

/** How the access token was obtained: FACEBOOK (Facebook Login, graph.facebook.com) or INSTAGRAM (Business Login for Instagram, graph.instagram.com). */
export type InstagramLoginType = 'FACEBOOK' | 'INSTAGRAM';

export type RunEventType =
  | 'ACCOUNT_FAILED'
  | 'RUN_CANCELLED'
  | 'RUN_COMPLETED'
  | 'RUN_FAILED'
  | 'RUN_QUEUED'
  | 'RUN_STARTED'
  | 'STEP_COMPLETED'
  | 'STEP_PROGRESS'
  | 'STEP_STARTED';

/** QUEUED → RUNNING → COMPLETED | COMPLETED_WITH_ERRORS | FAILED | CANCELLED */
export type RunStatus =
  'CANCELLED' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'FAILED' | 'QUEUED' | 'RUNNING';

/** The four steps, in the order they run. */
export type StepName = 'comments' | 'insights' | 'media' | 'profile';

/** PENDING → RUNNING → COMPLETED | COMPLETED_WITH_ERRORS | FAILED | SKIPPED */
export type StepStatus =
  'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'FAILED' | 'PENDING' | 'RUNNING' | 'SKIPPED';

/** VALID; EXPIRING: the token or its data access lapses within 7 days; INVALID: Instagram refused it (code 190) or the account was disconnected; connect again. */
export type TokenStatus = 'EXPIRING' | 'INVALID' | 'VALID';

export type AccountFieldsFragment = {
  userNo: number;
  igUserId: string;
  username: string | null;
  status: string;
  loginType: InstagramLoginType;
  tokenStatus: TokenStatus;
  tokenExpiresAt: string | null;
  connectedAt: string;
  lastSyncedAt: string | null;
};

export type AccountQueryVariables = Exact<{
  userNo: number;
  since: string;
  until: string;
}>;

export type AccountQuery = {
  instagramAccount: {
    userNo: number;
    igUserId: string;
    username: string | null;
    status: string;
    loginType: InstagramLoginType;
    tokenStatus: TokenStatus;
    tokenExpiresAt: string | null;
    connectedAt: string;
    lastSyncedAt: string | null;
    profile: {
      name: string | null;
      biography: string | null;
      followersCount: number | null;
      followsCount: number | null;
      mediaCount: number | null;
      fetchedAt: string;
    } | null;
    followersHistory: Array<{ date: string; followersCount: number | null }>;
    insights: Array<{ metric: string; date: string; value: number | null }>;
  } | null;
};

export type AccountsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;

export type AccountsQuery = {
  instagramAccounts: {
    edges: Array<{
      node: {
        userNo: number;
        igUserId: string;
        username: string | null;
        status: string;
        loginType: InstagramLoginType;
        tokenStatus: TokenStatus;
        tokenExpiresAt: string | null;
        connectedAt: string;
        lastSyncedAt: string | null;
        profile: { followersCount: number | null } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type StepFieldsFragment = {
  name: StepName;
  status: StepStatus;
  readCount: number;
  writeCount: number;
  skipCount: number;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  failures: Array<{ userNo: number; errorCode: string; error: string }>;
};

export type RunFieldsFragment = {
  id: string;
  status: RunStatus;
  executionType: ExecutionType;
  targetUserNo: number | null;
  monthsToSync: number;
  queuedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  error: string | null;
  restartOf: string | null;
};

export type OverviewQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type OverviewQuery = {
  batchStatus: {
    batchName: string;
    description: string;
    schedule: string;
    cron: string;
    timezone: string;
    nextRunAt: string | null;
    lastExecution: string | null;
    status: string;
    running: number;
    queued: number;
    queueCapacity: number;
    concurrency: number;
    schedules: Array<{ name: string; cron: string; months: number; nextRunAt: string | null }>;
  };
  batchExecutions: {
    edges: Array<{
      node: {
        id: string;
        status: RunStatus;
        executionType: ExecutionType;
        targetUserNo: number | null;
        monthsToSync: number;
        queuedAt: string;
        startedAt: string | null;
        endedAt: string | null;
        durationMs: number | null;
        error: string | null;
        restartOf: string | null;
        steps: Array<{ name: StepName; failures: Array<{ userNo: number }> }>;
      };
    }>;
  };
};

export type RunQueryVariables = Exact<{
  id: string | number;
}>;

export type RunQuery = {
  batchExecution: {
    id: string;
    status: RunStatus;
    executionType: ExecutionType;
    targetUserNo: number | null;
    monthsToSync: number;
    queuedAt: string;
    startedAt: string | null;
    endedAt: string | null;
    durationMs: number | null;
    error: string | null;
    restartOf: string | null;
    steps: Array<{
      name: StepName;
      status: StepStatus;
      readCount: number;
      writeCount: number;
      skipCount: number;
      startedAt: string | null;
      endedAt: string | null;
      durationMs: number | null;
      failures: Array<{ userNo: number; errorCode: string; error: string }>;
    }>;
  };
};

export type StartSyncMutationVariables = Exact<{
  userNo?: number | null | undefined;
  months?: number | null | undefined;
}>;

export type StartSyncMutation = {
  startInstagramSync: {
    executionId: string;
    status: RunStatus;
    message: string;
    deduplicated: boolean;
  };
};

export type CancelSyncMutationVariables = Exact<{
  executionId: string | number;
}>;

export type CancelSyncMutation = { cancelInstagramSync: { id: string; status: RunStatus } };

export type RestartSyncMutationVariables = Exact<{
  executionId: string | number;
}>;

export type RestartSyncMutation = {
  restartInstagramSync: { executionId: string; status: RunStatus; message: string };
};

export type RunProgressSubscriptionVariables = Exact<{
  executionId: string | number;
  afterSeq?: number | null | undefined;
}>;

export type RunProgressSubscription = {
  batchProgress: {
    seq: number;
    type: RunEventType;
    step: StepName | null;
    status: RunStatus;
    message: string | null;
    userNo: number | null;
    at: string;
    progress: { done: number; total: number; items: number } | null;
  };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AccountFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment AccountFields on InstagramAccount {
  userNo
  igUserId
  username
  status
  loginType
  tokenStatus
  tokenExpiresAt
  connectedAt
  lastSyncedAt
}
    `,
  { fragmentName: 'AccountFields' },
) as unknown as TypedDocumentString<AccountFieldsFragment, unknown>;
export const StepFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment StepFields on BatchStep {
  name
  status
  readCount
  writeCount
  skipCount
  startedAt
  endedAt
  durationMs
  failures {
    userNo
    errorCode
    error
  }
}
    `,
  { fragmentName: 'StepFields' },
) as unknown as TypedDocumentString<StepFieldsFragment, unknown>;
export const RunFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment RunFields on BatchExecution {
  id
  status
  executionType
  targetUserNo
  monthsToSync
  queuedAt
  startedAt
  endedAt
  durationMs
  error
  restartOf
}
    `,
  { fragmentName: 'RunFields' },
) as unknown as TypedDocumentString<RunFieldsFragment, unknown>;
export const AccountDocument = new TypedDocumentString(`
    query Account($userNo: Int!, $since: String!, $until: String!) {
  instagramAccount(userNo: $userNo) {
    ...AccountFields
    profile {
      name
      biography
      followersCount
      followsCount
      mediaCount
      fetchedAt
    }
    followersHistory(since: $since, until: $until) {
      date
      followersCount
    }
    insights(metrics: ["follower_count", "reach"], since: $since, until: $until) {
      metric
      date
      value
    }
  }
}
    fragment AccountFields on InstagramAccount {
  userNo
  igUserId
  username
  status
  loginType
  tokenStatus
  tokenExpiresAt
  connectedAt
  lastSyncedAt
}`) as unknown as TypedDocumentString<AccountQuery, AccountQueryVariables>;
export const AccountsDocument = new TypedDocumentString(`
    query Accounts($after: String) {
  instagramAccounts(first: 100, after: $after) {
    edges {
      node {
        ...AccountFields
        profile {
          followersCount
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment AccountFields on InstagramAccount {
  userNo
  igUserId
  username
  status
  loginType
  tokenStatus
  tokenExpiresAt
  connectedAt
  lastSyncedAt
}`) as unknown as TypedDocumentString<AccountsQuery, AccountsQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($first: Int) {
  batchStatus {
    batchName
    description
    schedule
    cron
    timezone
    nextRunAt
    lastExecution
    status
    running
    queued
    queueCapacity
    concurrency
    schedules {
      name
      cron
      months
      nextRunAt
    }
  }
  batchExecutions(first: $first) {
    edges {
      node {
        ...RunFields
        steps {
          name
          failures {
            userNo
          }
        }
      }
    }
  }
}
    fragment RunFields on BatchExecution {
  id
  status
  executionType
  targetUserNo
  monthsToSync
  queuedAt
  startedAt
  endedAt
  durationMs
  error
  restartOf
}`) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const RunDocument = new TypedDocumentString(`
    query Run($id: ID!) {
  batchExecution(id: $id) {
    ...RunFields
    steps {
      ...StepFields
    }
  }
}
    fragment StepFields on BatchStep {
  name
  status
  readCount
  writeCount
  skipCount
  startedAt
  endedAt
  durationMs
  failures {
    userNo
    errorCode
    error
  }
}
fragment RunFields on BatchExecution {
  id
  status
  executionType
  targetUserNo
  monthsToSync
  queuedAt
  startedAt
  endedAt
  durationMs
  error
  restartOf
}`) as unknown as TypedDocumentString<RunQuery, RunQueryVariables>;
export const StartSyncDocument = new TypedDocumentString(`
    mutation StartSync($userNo: Int, $months: Int) {
  startInstagramSync(userNo: $userNo, months: $months) {
    executionId
    status
    message
    deduplicated
  }
}
    `) as unknown as TypedDocumentString<StartSyncMutation, StartSyncMutationVariables>;
export const CancelSyncDocument = new TypedDocumentString(`
    mutation CancelSync($executionId: ID!) {
  cancelInstagramSync(executionId: $executionId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelSyncMutation, CancelSyncMutationVariables>;
export const RestartSyncDocument = new TypedDocumentString(`
    mutation RestartSync($executionId: ID!) {
  restartInstagramSync(executionId: $executionId) {
    executionId
    status
    message
  }
}
    `) as unknown as TypedDocumentString<RestartSyncMutation, RestartSyncMutationVariables>;
export const RunProgressDocument = new TypedDocumentString(`
    subscription RunProgress($executionId: ID!, $afterSeq: Int) {
  batchProgress(executionId: $executionId, afterSeq: $afterSeq) {
    seq
    type
    step
    status
    message
    userNo
    at
    progress {
      done
      total
      items
    }
  }
}
    `) as unknown as TypedDocumentString<RunProgressSubscription, RunProgressSubscriptionVariables>;
