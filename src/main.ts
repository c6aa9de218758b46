import 'reflect-metadata';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';

/** `npm start`: one process in the role ROLE says (all, api or worker). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    await app.stop();
    // Agenda's lock watchdog keeps a timer after stop(); the shutdown is complete here.
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
