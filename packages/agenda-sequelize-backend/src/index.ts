export { SequelizeBackend, type SequelizeBackendOptions } from './sequelize.backend.js';
export { SequelizeJobRepository } from './job.repository.js';
export { SequelizeJobLogger } from './job.logger.js';
export {
  createAgendaSchema,
  dropAgendaSchema,
  DEFAULT_TABLE_NAMES,
  type AgendaTableNames,
} from './agenda.schema.js';
