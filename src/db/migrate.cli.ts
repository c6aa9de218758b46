import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { openDatabase } from './connection.js';
import { createMigrator } from './migrator.js';

/** `npm run migrate [-- down]`: applies pending migrations (or reverts the last one). */
const config = loadConfig();
const logger = createLogger(config);
const sequelize = await openDatabase(config.databaseUrl);
const migrator = createMigrator(sequelize, logger);
if (process.argv[2] === 'down') await migrator.down();
else await migrator.up();
await sequelize.close();
