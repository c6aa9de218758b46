import { DataTypes } from 'sequelize';
import type { Migration } from './migration.js';

const timestamps = {
  created_at: { type: DataTypes.DATE(3), allowNull: false },
  updated_at: { type: DataTypes.DATE(3), allowNull: false },
};
const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true };
const counts = {
  read_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  write_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  skip_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
};
/** utf8mb4 with a binary collation on MySQL (messages carry emoji); ignored by SQLite. */
const tableOptions = { charset: 'utf8mb4', collate: 'utf8mb4_bin' };
const span = {
  started_at: { type: DataTypes.DATE(3), allowNull: true },
  ended_at: { type: DataTypes.DATE(3), allowNull: true },
};

/**
 * Run records (Spring Batch's job/step executions) and the run event log.
 * `active_key` holds the run's target ('all' or 'user:N') while it is QUEUED or RUNNING and
 * NULL afterwards; its unique index makes "one active run per target" a database rule.
 */
export const createSyncRuns: Migration = {
  name: '202611270300-create-sync-runs',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable(
      'sync_runs',
      {
        id,
        job_name: { type: DataTypes.STRING(64), allowNull: false },
        status: { type: DataTypes.STRING(32), allowNull: false },
        execution_type: { type: DataTypes.STRING(32), allowNull: false },
        target_user_no: { type: DataTypes.INTEGER, allowNull: true },
        months: { type: DataTypes.INTEGER, allowNull: false },
        window_start: { type: DataTypes.DATE(3), allowNull: false },
        window_end: { type: DataTypes.DATE(3), allowNull: false },
        queued_at: { type: DataTypes.DATE(3), allowNull: false },
        ...span,
        duration_ms: { type: DataTypes.INTEGER, allowNull: true },
        error: { type: DataTypes.TEXT, allowNull: true },
        restart_of: { type: DataTypes.INTEGER, allowNull: true },
        active_key: { type: DataTypes.STRING(32), allowNull: true },
        cancel_requested: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        ...timestamps,
      },
      tableOptions,
    );
    await qi.addIndex('sync_runs', ['active_key'], { unique: true, name: 'sync_runs_active_key' });
    await qi.addIndex('sync_runs', ['status', 'id'], { name: 'sync_runs_status' });
    await qi.addIndex('sync_runs', ['target_user_no', 'id'], { name: 'sync_runs_target' });

    await qi.createTable(
      'sync_steps',
      {
        id,
        run_id: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING(32), allowNull: false },
        position: { type: DataTypes.INTEGER, allowNull: false },
        status: { type: DataTypes.STRING(32), allowNull: false },
        ...counts,
        ...span,
        duration_ms: { type: DataTypes.INTEGER, allowNull: true },
        ...timestamps,
      },
      tableOptions,
    );
    await qi.addIndex('sync_steps', ['run_id', 'name'], {
      unique: true,
      name: 'sync_steps_run_name',
    });

    await qi.createTable(
      'sync_step_accounts',
      {
        id,
        run_id: { type: DataTypes.INTEGER, allowNull: false },
        step: { type: DataTypes.STRING(32), allowNull: false },
        user_no: { type: DataTypes.INTEGER, allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        ...counts,
        error_code: { type: DataTypes.STRING(64), allowNull: true },
        error_message: { type: DataTypes.TEXT, allowNull: true },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        /** The worker process of the latest attempt (host:pid:name). */
        worker: { type: DataTypes.STRING(128), allowNull: true },
        ...span,
        ...timestamps,
      },
      tableOptions,
    );
    await qi.addIndex('sync_step_accounts', ['run_id', 'step', 'user_no'], {
      unique: true,
      name: 'sync_step_accounts_key',
    });

    await qi.createTable(
      'sync_events',
      {
        id,
        run_id: { type: DataTypes.INTEGER, allowNull: false },
        seq: { type: DataTypes.INTEGER, allowNull: false },
        type: { type: DataTypes.STRING(32), allowNull: false },
        step: { type: DataTypes.STRING(32), allowNull: true },
        user_no: { type: DataTypes.INTEGER, allowNull: true },
        status: { type: DataTypes.STRING(32), allowNull: false },
        message: { type: DataTypes.TEXT, allowNull: true },
        progress: { type: DataTypes.TEXT, allowNull: true },
        /** The run id on its final event (RUN_COMPLETED/FAILED/CANCELLED), else NULL: unique, so a run ends once. */
        final_of: { type: DataTypes.INTEGER, allowNull: true },
        at: { type: DataTypes.DATE(3), allowNull: false },
      },
      tableOptions,
    );
    await qi.addIndex('sync_events', ['run_id', 'seq'], {
      unique: true,
      name: 'sync_events_run_seq',
    });
    await qi.addIndex('sync_events', ['final_of'], { unique: true, name: 'sync_events_final_of' });
  },
  async down({ context: { queryInterface: qi } }) {
    await qi.dropTable('sync_events');
    await qi.dropTable('sync_step_accounts');
    await qi.dropTable('sync_steps');
    await qi.dropTable('sync_runs');
  },
};
