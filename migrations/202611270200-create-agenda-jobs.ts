import type { Migration } from './migration.js';

/**
 * Version 1 of the Agenda backend's schema, written out as the SQL the backend's
 * `createAgendaSchema` issued when this migration landed. The package may change later; this
 * file must not, so it repeats the DDL instead of calling the package (a test compares both).
 * `IF NOT EXISTS` as in the backend: a database whose tables `ensureSchema` already created
 * migrates without error.
 */
const SQLITE = [
  `CREATE TABLE IF NOT EXISTS "agenda_jobs" ("id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "name" VARCHAR(255) NOT NULL, "priority" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" DATETIME NULL, "type" VARCHAR(10) NOT NULL DEFAULT 'normal',
    "locked_at" DATETIME NULL, "last_run_at" DATETIME NULL, "last_finished_at" DATETIME NULL,
    "failed_at" DATETIME NULL, "fail_count" INTEGER NULL, "fail_reason" TEXT NULL,
    "repeat_interval" VARCHAR(255) NULL, "repeat_timezone" VARCHAR(100) NULL,
    "repeat_at" VARCHAR(255) NULL, "data" JSON NULL, "disabled" TINYINT(1) NOT NULL DEFAULT 0,
    "progress" DOUBLE PRECISION NULL, "fork" TINYINT(1) NOT NULL DEFAULT 0,
    "last_modified_by" VARCHAR(255) NULL, "debounce_started_at" DATETIME NULL,
    "start_date" DATETIME NULL, "end_date" DATETIME NULL, "skip_days" VARCHAR(64) NULL,
    "unique_key" CHAR(64) NULL,
    "single_key" VARCHAR(255) GENERATED ALWAYS AS (CASE WHEN "type" = 'single' THEN "name" END) VIRTUAL,
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS "agenda_jobs_ready" ON "agenda_jobs"
    ("name", "disabled", "locked_at", "next_run_at", "priority" DESC)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS "agenda_jobs_single_key" ON "agenda_jobs" ("single_key")`,
  `CREATE UNIQUE INDEX IF NOT EXISTS "agenda_jobs_unique_key" ON "agenda_jobs" ("unique_key")`,
  `CREATE INDEX IF NOT EXISTS "agenda_jobs_next_run_at" ON "agenda_jobs" ("next_run_at")`,
  `CREATE TABLE IF NOT EXISTS "agenda_logs" ("id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "logged_at" DATETIME NOT NULL, "level" VARCHAR(10) NOT NULL, "event" VARCHAR(30) NOT NULL,
    "job_id" VARCHAR(255) NULL, "job_name" VARCHAR(255) NOT NULL, "message" TEXT NOT NULL,
    "duration" INTEGER NULL, "error" TEXT NULL, "fail_count" INTEGER NULL,
    "retry_delay" INTEGER NULL, "retry_attempt" INTEGER NULL, "agenda_name" VARCHAR(255) NULL,
    "meta" JSON NULL)`,
  `CREATE INDEX IF NOT EXISTS "agenda_logs_logged_at" ON "agenda_logs" ("logged_at")`,
  `CREATE INDEX IF NOT EXISTS "agenda_logs_job_id" ON "agenda_logs" ("job_id", "logged_at")`,
  `CREATE INDEX IF NOT EXISTS "agenda_logs_job_name" ON "agenda_logs" ("job_name", "logged_at")`,
];

/** MySQL/MariaDB: indexes inline; binary collation so job names compare case-sensitively. */
const MYSQL = [
  `CREATE TABLE IF NOT EXISTS \`agenda_jobs\` (
    \`id\` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, \`name\` VARCHAR(255) NOT NULL,
    \`priority\` INTEGER NOT NULL DEFAULT 0, \`next_run_at\` DATETIME(3) NULL,
    \`type\` VARCHAR(10) NOT NULL DEFAULT 'normal', \`locked_at\` DATETIME(3) NULL,
    \`last_run_at\` DATETIME(3) NULL, \`last_finished_at\` DATETIME(3) NULL,
    \`failed_at\` DATETIME(3) NULL, \`fail_count\` INTEGER NULL, \`fail_reason\` TEXT NULL,
    \`repeat_interval\` VARCHAR(255) NULL, \`repeat_timezone\` VARCHAR(100) NULL,
    \`repeat_at\` VARCHAR(255) NULL, \`data\` JSON NULL, \`disabled\` BOOLEAN NOT NULL DEFAULT 0,
    \`progress\` DOUBLE PRECISION NULL, \`fork\` BOOLEAN NOT NULL DEFAULT 0,
    \`last_modified_by\` VARCHAR(255) NULL, \`debounce_started_at\` DATETIME(3) NULL,
    \`start_date\` DATETIME(3) NULL, \`end_date\` DATETIME(3) NULL,
    \`skip_days\` VARCHAR(64) NULL, \`unique_key\` CHAR(64) NULL,
    \`single_key\` VARCHAR(255) GENERATED ALWAYS AS (CASE WHEN \`type\` = 'single' THEN \`name\` END) STORED,
    \`created_at\` DATETIME(3) NOT NULL, \`updated_at\` DATETIME(3) NOT NULL,
    KEY \`agenda_jobs_ready\` (\`name\`, \`disabled\`, \`locked_at\`, \`next_run_at\`, \`priority\` DESC),
    UNIQUE KEY \`agenda_jobs_single_key\` (\`single_key\`),
    UNIQUE KEY \`agenda_jobs_unique_key\` (\`unique_key\`),
    KEY \`agenda_jobs_next_run_at\` (\`next_run_at\`)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  `CREATE TABLE IF NOT EXISTS \`agenda_logs\` (
    \`id\` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, \`logged_at\` DATETIME(3) NOT NULL,
    \`level\` VARCHAR(10) NOT NULL, \`event\` VARCHAR(30) NOT NULL, \`job_id\` VARCHAR(255) NULL,
    \`job_name\` VARCHAR(255) NOT NULL, \`message\` TEXT NOT NULL, \`duration\` INTEGER NULL,
    \`error\` TEXT NULL, \`fail_count\` INTEGER NULL, \`retry_delay\` INTEGER NULL,
    \`retry_attempt\` INTEGER NULL, \`agenda_name\` VARCHAR(255) NULL, \`meta\` JSON NULL,
    KEY \`agenda_logs_logged_at\` (\`logged_at\`),
    KEY \`agenda_logs_job_id\` (\`job_id\`, \`logged_at\`),
    KEY \`agenda_logs_job_name\` (\`job_name\`, \`logged_at\`)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
];

/**
 * Agenda's jobs table (`agenda_jobs`) and job log (`agenda_logs`): a generated `single_key`
 * column with a unique index (one row per `single` job; MySQL has no partial index),
 * `unique_key` for `unique()` jobs, and the `ready` index the lock queries walk.
 */
export const createAgendaJobs: Migration = {
  name: '202611270200-create-agenda-jobs',
  async up({ context: { sequelize } }) {
    const statements = sequelize.getDialect() === 'sqlite' ? SQLITE : MYSQL;
    for (const statement of statements) await sequelize.query(statement);
  },
  async down({ context: { sequelize } }) {
    const quote = sequelize.getDialect() === 'sqlite' ? '"' : '`';
    for (const table of ['agenda_logs', 'agenda_jobs']) {
      await sequelize.query(`DROP TABLE IF EXISTS ${quote}${table}${quote}`);
    }
  },
};
