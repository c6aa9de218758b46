/** Thrown at a checkpoint once this worker is shutting down. */
export class WorkerStoppingError extends Error {
  constructor() {
    super('this worker is shutting down');
    this.name = 'WorkerStoppingError';
  }
}

/**
 * Lets a worker stop between pages without losing work. On `stop`, running jobs reach their
 * next checkpoint, reschedule themselves for now, release their lock and park, writing nothing
 * more and renewing no lock (Agenda 6.2.6's `stop()` keeps running jobs locked, so the hand-over
 * releases them itself). Another worker takes each over at its next poll and resumes it from
 * the stored state: a parked account step is re-run, and its upserts write the same rows.
 */
export class WorkerLifecycle {
  private readonly controller = new AbortController();
  private active = 0;

  get stopping(): boolean {
    return this.controller.signal.aborted;
  }

  /** Throws WorkerStoppingError once the worker is stopping (call it between pages). */
  assertRunning(): void {
    if (this.stopping) throw new WorkerStoppingError();
  }

  /**
   * Runs a job's work; if the worker stops meanwhile, the job parks instead of finishing, after
   * `handOver` has made it runnable again for another worker.
   */
  async run(work: () => Promise<void>, handOver: () => Promise<unknown>): Promise<void> {
    this.active += 1;
    let parked = false;
    try {
      await work();
    } catch (error) {
      if (!(error instanceof WorkerStoppingError)) throw error;
      await handOver();
      parked = true;
    } finally {
      this.active -= 1;
    }
    if (parked) await new Promise<never>(() => {});
  }

  /** Asks every job to park, and waits (at most `timeoutMs`) until none is between checkpoints. */
  async stop(timeoutMs: number): Promise<void> {
    this.controller.abort();
    const deadline = Date.now() + timeoutMs;
    while (this.active > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
