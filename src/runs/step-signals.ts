/**
 * Tells a run's driver that one of its account steps ended in this process, so it looks at
 * the step at once instead of at its next poll (a 1-month nightly run spent half its second
 * waiting at the four step barriers). Account steps that end in another process are still
 * seen at the driver's next poll. A signal sent while the driver is between waits is kept for
 * its next wait, for a bounded number of runs (a process that drives no run keeps none long).
 */
export class StepSignals {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly unheard = new Set<string>();

  notify(runId: string): void {
    const waiting = this.waiters.get(runId);
    if (waiting) {
      for (const wake of [...waiting]) wake();
      return;
    }
    if (this.unheard.size >= MAX_UNHEARD) this.unheard.clear();
    this.unheard.add(runId);
  }

  /** Resolves after `ms`, or as soon as one of the run's account steps ends here. */
  wait(runId: string, ms: number): Promise<void> {
    if (this.unheard.delete(runId)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.waiters.get(runId) ?? new Set<() => void>();
      this.waiters.set(runId, waiting);
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        if (waiting.size === 0) this.waiters.delete(runId);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiting.add(wake);
    });
  }
}

/** Runs whose signal may wait for a driver's next look; beyond it all kept signals are dropped. */
const MAX_UNHEARD = 1000;
