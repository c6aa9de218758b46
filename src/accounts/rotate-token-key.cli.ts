import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { openDatabase } from '../db/connection.js';
import { defineModels } from '../db/models/define-models.js';
import { IgAccountRepository } from '../db/repositories/ig-account.repository.js';
import { loadTokenKeyring } from './encryption-keys.js';
import { rotateTokens } from './token-rotation.js';

/**
 * `npm run rotate-token-key`: re-encrypts every stored access token under TOKEN_ENCRYPTION_KEY
 * (or the generated key file), reading old values with TOKEN_ENCRYPTION_KEYS_OLD. Idempotent.
 * After it reports, the old keys can be removed from TOKEN_ENCRYPTION_KEYS_OLD.
 */
const config = loadConfig();
const logger = createLogger(config);
const sequelize = await openDatabase(config.databaseUrl);
try {
  const keys = await loadTokenKeyring(config, logger);
  const report = await rotateTokens(new IgAccountRepository(defineModels(sequelize)), keys);
  logger.info(report, 'access tokens re-encrypted under the current key');
  process.stdout.write(
    `${report.rotated} of ${report.tokens} tokens re-encrypted (${report.current} already current, ${report.skipped} changed meanwhile)\n`,
  );
} finally {
  await sequelize.close();
}
