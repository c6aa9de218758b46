import type { Migration } from './migration.js';
import {
  createAgendaSchema,
  dropAgendaSchema,
  DEFAULT_TABLE_NAMES,
} from '@instagram-sync/agenda-sequelize-backend';

/**
 * Agenda's jobs table (`agenda_jobs`) and job log (`agenda_logs`), version 1 of the schema in
 * `agenda.schema.ts` (generated `single_key` column with a unique index, `unique_key` for
 * `unique()` jobs, the lock index). The same function serves the backend's `ensureSchema`.
 */
export const createAgendaJobs: Migration = {
  name: '202611270200-create-agenda-jobs',
  async up({ context: { sequelize } }) {
    await createAgendaSchema(sequelize, DEFAULT_TABLE_NAMES);
  },
  async down({ context: { sequelize } }) {
    await dropAgendaSchema(sequelize, DEFAULT_TABLE_NAMES);
  },
};
