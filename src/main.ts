import 'reflect-metadata';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { stopOnSignals } from './stop-on-signals.js';

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
  stopOnSignals(await startApp(config));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
