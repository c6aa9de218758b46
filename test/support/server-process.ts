import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { eventually } from './waiting.js';

/** A database or cache server the test owns: started, stopped and started again on one port. */
export interface ServerProcess {
  /** Starts it (again) and waits until `isUp` says it answers. */
  start(): Promise<void>;
  /** SIGTERM (a clean shutdown) and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL and waits for the exit. */
  kill(): Promise<void>;
}

/**
 * Runs `command args` as a child of the test (never detached, so it dies with the test's
 * cleanup), its output appended to `logFile`; `isUp` is polled after each start.
 */
export function serverProcess(
  command: string,
  args: string[],
  logFile: string,
  isUp: () => Promise<boolean>,
): ServerProcess {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const end = async (signal: NodeJS.Signals) => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    child = undefined;
  };
  return {
    async start() {
      if (child) return;
      const log = openSync(logFile, 'a');
      child = spawn(command, args, { stdio: ['ignore', log, log] });
      closeSync(log);
      const started = child;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      await eventually(
        async () => {
          if (started.exitCode !== null) throw new Error(`${command} exited; see ${logFile}`);
          return (await isUp()) ? true : undefined;
        },
        30_000,
        100,
      );
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
