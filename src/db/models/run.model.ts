import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface RunRow {
  id: number;
  jobName: string;
  status: string;
  executionType: string;
  targetUserNo: number | null;
  months: number;
  windowStart: Date;
  windowEnd: Date;
  queuedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  error: string | null;
  restartOf: number | null;
  activeKey: string | null;
  cancelRequested: boolean;
}

export interface StepRow {
  id: number;
  runId: number;
  name: string;
  position: number;
  status: string;
  readCount: number;
  writeCount: number;
  skipCount: number;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
}

export interface StepAccountRow {
  id: number;
  runId: number;
  step: string;
  userNo: number;
  status: string;
  readCount: number;
  writeCount: number;
  skipCount: number;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  worker: string | null;
  /** Renewed by the owner while it runs; a claim takes over a row whose heartbeat is stale. */
  heartbeatAt: Date | null;
  /** JSON the step left for the account's next step of the run (see `StepHandoff`). */
  handoff: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface EventRow {
  id: number;
  runId: number;
  seq: number;
  type: string;
  step: string | null;
  userNo: number | null;
  status: string;
  message: string | null;
  progress: string | null;
  /** The run id on the run's one final event, else null. */
  finalOf: number | null;
  at: Date;
}

type Defaults = 'id' | 'startedAt' | 'endedAt' | 'durationMs' | 'error' | 'cancelRequested';
type StepDefaults =
  'id' | 'readCount' | 'writeCount' | 'skipCount' | 'startedAt' | 'endedAt' | 'durationMs';
type AccountDefaults =
  StepDefaults | 'errorCode' | 'errorMessage' | 'attempts' | 'worker' | 'heartbeatAt' | 'handoff';

/** A model whose instances (and `raw: true` results) read as the row type. */
type RowModel<Row extends object, Creation extends object> = ModelStatic<
  Model<Row, Creation> & Row
>;

export interface RunModels {
  SyncRun: RowModel<RunRow, Optional<RunRow, Defaults>>;
  SyncStep: RowModel<StepRow, Optional<StepRow, StepDefaults>>;
  SyncStepAccount: RowModel<
    StepAccountRow,
    Optional<StepAccountRow, Exclude<AccountDefaults, 'durationMs'>>
  >;
  SyncEvent: RowModel<EventRow, Optional<EventRow, 'id' | 'finalOf'>>;
}

const pk = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true };
const counts = {
  readCount: { type: DataTypes.INTEGER, defaultValue: 0 },
  writeCount: { type: DataTypes.INTEGER, defaultValue: 0 },
  skipCount: { type: DataTypes.INTEGER, defaultValue: 0 },
};
const span = { startedAt: DataTypes.DATE(3), endedAt: DataTypes.DATE(3) };
const table = (tableName: string, timestamps = true) => ({
  tableName,
  underscored: true,
  timestamps,
});

/**
 * Binds the run-record models to one connection. `define` (not a shared class + `init`) so that
 * two connections in one process (tests on SQLite and MariaDB) never rebind each other's models.
 */
export function defineRunModels(sequelize: Sequelize): RunModels {
  return {
    SyncRun: sequelize.define(
      'SyncRun',
      {
        id: pk,
        jobName: DataTypes.STRING(64),
        status: DataTypes.STRING(32),
        executionType: DataTypes.STRING(32),
        targetUserNo: DataTypes.INTEGER,
        months: DataTypes.INTEGER,
        windowStart: DataTypes.DATE(3),
        windowEnd: DataTypes.DATE(3),
        queuedAt: DataTypes.DATE(3),
        ...span,
        durationMs: DataTypes.INTEGER,
        error: DataTypes.TEXT,
        restartOf: DataTypes.INTEGER,
        activeKey: DataTypes.STRING(32),
        cancelRequested: { type: DataTypes.BOOLEAN, defaultValue: false },
      },
      table('sync_runs'),
    ),
    SyncStep: sequelize.define(
      'SyncStep',
      {
        id: pk,
        runId: DataTypes.INTEGER,
        name: DataTypes.STRING(32),
        position: DataTypes.INTEGER,
        status: DataTypes.STRING(32),
        ...counts,
        ...span,
        durationMs: DataTypes.INTEGER,
      },
      table('sync_steps'),
    ),
    SyncStepAccount: sequelize.define(
      'SyncStepAccount',
      {
        id: pk,
        runId: DataTypes.INTEGER,
        step: DataTypes.STRING(32),
        userNo: DataTypes.INTEGER,
        status: DataTypes.STRING(16),
        ...counts,
        errorCode: DataTypes.STRING(64),
        errorMessage: DataTypes.TEXT,
        attempts: { type: DataTypes.INTEGER, defaultValue: 0 },
        worker: DataTypes.STRING(128),
        heartbeatAt: DataTypes.DATE(3),
        handoff: DataTypes.TEXT,
        ...span,
      },
      table('sync_step_accounts'),
    ),
    SyncEvent: sequelize.define(
      'SyncEvent',
      {
        id: pk,
        runId: DataTypes.INTEGER,
        seq: DataTypes.INTEGER,
        type: DataTypes.STRING(32),
        step: DataTypes.STRING(32),
        userNo: DataTypes.INTEGER,
        status: DataTypes.STRING(32),
        message: DataTypes.TEXT,
        progress: DataTypes.TEXT,
        finalOf: DataTypes.INTEGER,
        at: DataTypes.DATE(3),
      },
      table('sync_events', false),
    ),
  };
}
