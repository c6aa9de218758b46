import type { App } from './app.js';

/** Past the shutdown timeout, this long more before a stop that hangs is cut short. */
const STOP_GRACE_MS = 5_000;

/**
 * SIGTERM or SIGINT stops `app` gracefully (see `App.stop`) and exits 0; exit 1 if the stop
 * fails or hangs past the shutdown timeout. A second signal is ignored: the stop is under way.
 */
export function stopOnSignals(app: App): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    setTimeout(
      () => {
        app.logger.error('shutdown did not finish in time; exiting');
        process.exit(1);
      },
      2 * app.config.shutdownTimeoutMs + STOP_GRACE_MS,
    ).unref();
    app.stop().then(
      () => {
        app.logger.info('stopped');
        // Agenda's lock watchdog keeps a timer after stop(); the shutdown is complete here.
        process.exit(0);
      },
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
