import type { StepContext, StepCounts } from '../step.contract.js';

const zero = (): StepCounts => ({ read: 0, written: 0, skipped: 0 });

/**
 * A step's running counts. `checkpoint` hands the run only what changed since the previous
 * checkpoint (the run adds deltas up), so parallel tasks of one step may share one tally.
 */
export class StepTally {
  private readonly total = zero();
  private pending = zero();

  add(delta: Partial<StepCounts>): void {
    for (const key of ['read', 'written', 'skipped'] as const) {
      const n = delta[key] ?? 0;
      this.total[key] += n;
      this.pending[key] += n;
    }
  }

  /** Reports the counts since the last checkpoint; throws `RunCancelledError` once cancelled. */
  async checkpoint(context: StepContext): Promise<void> {
    const delta = this.pending;
    this.pending = zero();
    await context.checkpoint(delta);
  }

  get counts(): StepCounts {
    return { ...this.total };
  }
}
