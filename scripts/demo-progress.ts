import cliProgress from 'cli-progress';
import type { RunProgressSubscription } from './generated/graphql.js';

export type ProgressEvent = RunProgressSubscription['batchProgress'];

export interface ProgressView {
  show(event: ProgressEvent): void;
  stop(): void;
}

/** One line per milestone, for output that is not a terminal (CI logs, a pipe). */
function milestoneLines(): ProgressView {
  return {
    show(event) {
      if (event.type === 'STEP_PROGRESS') return;
      const where = event.step ? ` ${event.step}` : '';
      const progress = event.progress
        ? ` ${event.progress.done}/${event.progress.total} accounts, ${event.progress.items} items`
        : '';
      console.log(`#${event.seq} ${event.type}${where}${progress}`);
    },
    stop() {},
  };
}

/** One redrawn bar per step, on a terminal. */
function stepBars(): ProgressView {
  const bars = new cliProgress.MultiBar(
    {
      format: ' {step} |{bar}| {value}/{total} accounts | {items} items | {status}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const byStep = new Map<string, cliProgress.SingleBar>();
  return {
    show(event) {
      if (event.type === 'STEP_STARTED' && event.step) {
        const bar = bars.create(event.progress?.total ?? 0, 0, {
          step: event.step.padEnd(8),
          items: 0,
          status: 'running',
        });
        byStep.set(event.step, bar);
      }
      const bar = event.step ? byStep.get(event.step) : undefined;
      if (bar && event.progress) bar.update(event.progress.done, { items: event.progress.items });
      if (bar && event.type === 'STEP_COMPLETED') bar.update({ status: event.message ?? 'done' });
    },
    stop: () => bars.stop(),
  };
}

/** Bars on a terminal; one line per milestone when the output is piped. */
export const progressView = (): ProgressView =>
  process.stdout.isTTY ? stepBars() : milestoneLines();
