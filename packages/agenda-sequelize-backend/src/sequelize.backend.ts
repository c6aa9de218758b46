import type { AgendaBackend, JobLogger, NotificationChannel } from 'agenda';
import type { Sequelize } from 'sequelize';
import { createAgendaSchema, DEFAULT_TABLE_NAMES } from './agenda.schema.js';
import { SequelizeJobLogger } from './job.logger.js';
import { SequelizeJobRepository } from './job.repository.js';
import { assertIdentifier, SqlRunner } from './sql.runner.js';

/** Options of `SequelizeBackend`. */
export interface SequelizeBackendOptions {
  /** An open Sequelize instance (sqlite or mysql dialect); the backend never closes it. */
  sequelize: Sequelize;
  /** Jobs table (default `agenda_jobs`). */
  tableName?: string;
  /** Log table for `new Agenda({ logging: true })` (default `agenda_logs`). */
  logTableName?: string;
  /**
   * Create the tables on `connect()` when missing (default false: the application's
   * migrations own the schema; set it to let the backend create its tables itself).
   */
  ensureSchema?: boolean;
  /** Offer a `JobLogger` over the log table (default true); Agenda's `logging` turns it on. */
  logging?: boolean;
  /** Cross-process notifications (e.g. `createRedisNotificationChannel`); without: polling. */
  notificationChannel?: NotificationChannel;
}

/**
 * Agenda 6 backend that keeps jobs in the application's own SQL database through Sequelize:
 * SQLite embedded, MySQL 8 / MariaDB 10.6+ in production. Locking is atomic on both engines,
 * so any number of worker processes can share one jobs table.
 *
 * @example
 * const agenda = new Agenda({ backend: new SequelizeBackend({ sequelize }), logging: true });
 */
export class SequelizeBackend implements AgendaBackend {
  readonly name = 'Sequelize';
  /** The Sequelize instance is the caller's: `agenda.stop()` must not close it. */
  readonly ownsConnection = false;
  readonly repository: SequelizeJobRepository;
  readonly logger: JobLogger | undefined;
  readonly notificationChannel: NotificationChannel | undefined;

  private readonly sequelize: Sequelize;
  private readonly ensureSchema: boolean;
  private readonly tables: { jobsTable: string; logsTable: string };
  private connecting: Promise<void> | undefined;

  constructor(options: SequelizeBackendOptions) {
    const sql = new SqlRunner(options.sequelize);
    this.sequelize = options.sequelize;
    this.ensureSchema = options.ensureSchema ?? false;
    this.tables = {
      jobsTable: assertIdentifier(options.tableName ?? DEFAULT_TABLE_NAMES.jobsTable, 'tableName'),
      logsTable: assertIdentifier(
        options.logTableName ?? DEFAULT_TABLE_NAMES.logsTable,
        'logTableName',
      ),
    };
    this.repository = new SequelizeJobRepository(sql, this.tables.jobsTable, () => this.connect());
    this.logger =
      options.logging === false ? undefined : new SequelizeJobLogger(sql, this.tables.logsTable);
    this.notificationChannel = options.notificationChannel;
  }

  /**
   * Checks the database answers and, with `ensureSchema`, creates the tables. Idempotent: Agenda
   * calls it from its constructor and callers may call it again; a failed attempt is retried
   * by the next call.
   */
  connect(): Promise<void> {
    this.connecting ??= this.doConnect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  /** Nothing to release: the connection is the caller's and Agenda disconnects the channel. */
  async disconnect(): Promise<void> {}

  private async doConnect(): Promise<void> {
    await this.sequelize.authenticate({ logging: false });
    if (this.ensureSchema) await createAgendaSchema(this.sequelize, this.tables);
  }
}
