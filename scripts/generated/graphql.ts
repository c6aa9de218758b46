/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ConnectInstagramAccountInput = {
  /** Checked with Instagram, stored encrypted, never returned. */
  accessToken: string;
  /** The Instagram account to connect; when omitted, the one the token reaches (refused when it reaches several or none). */
  igUserId?: string | number | null | undefined;
  /** How the token was obtained; decides discovery, checks and the host synced. */
  loginType?: InstagramLoginType;
  userNo: number;
};

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

export type ConnectAccountMutationVariables = Exact<{
  input: ConnectInstagramAccountInput;
}>;

export type ConnectAccountMutation = {
  connectInstagramAccount: { userNo: number; username: string | null; status: string };
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

export type RunProgressSubscriptionVariables = Exact<{
  executionId: string | number;
  afterSeq?: number | null | undefined;
}>;

export type RunProgressSubscription = {
  batchProgress: {
    seq: number;
    type: RunEventType;
    step: StepName | null;
    message: string | null;
    userNo: number | null;
    progress: { done: number; total: number; items: number } | null;
  };
};

export type RunSummaryQueryVariables = Exact<{
  id: string | number;
}>;

export type RunSummaryQuery = {
  batchExecution: {
    status: RunStatus;
    durationMs: number | null;
    steps: Array<{
      name: StepName;
      status: StepStatus;
      readCount: number;
      writeCount: number;
      skipCount: number;
      durationMs: number | null;
    }>;
  };
};

export const ConnectAccountDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ConnectAccount' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'ConnectInstagramAccountInput' },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'connectInstagramAccount' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'userNo' } },
                { kind: 'Field', name: { kind: 'Name', value: 'username' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConnectAccountMutation, ConnectAccountMutationVariables>;
export const StartSyncDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartSync' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userNo' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'months' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startInstagramSync' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userNo' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userNo' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'months' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'months' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'executionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deduplicated' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartSyncMutation, StartSyncMutationVariables>;
export const RunProgressDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'RunProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'executionId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'afterSeq' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'batchProgress' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'executionId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'executionId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'afterSeq' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'afterSeq' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'seq' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'step' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userNo' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'progress' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'done' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'items' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunProgressSubscription, RunProgressSubscriptionVariables>;
export const RunSummaryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RunSummary' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'batchExecution' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'steps' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'readCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'writeCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'skipCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunSummaryQuery, RunSummaryQueryVariables>;
