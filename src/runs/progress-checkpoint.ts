import type { StepCounts } from '../sync/step.contract.js';
import { RunCancelledError } from '../sync/step.contract.js';
import type { RunRepository } from './store/run.repository.js';
import type {
  StepAccountClaimRepository,
  StepClaim,
} from './store/step-account-claim.repository.js';
import type { WorkerLifecycle } from './worker-lifecycle.js';

/** How often an account step's checkpoints reach the database at most. */
export const CHECKPOINT_FLUSH_MS = 500;

export interface CheckpointDeps {
  runs: RunRepository;
  claims: StepAccountClaimRepository;
  lifecycle: WorkerLifecycle;
  now?: () => number;
}

/**
 * An account step's `checkpoint`. A step checkpoints after every page it stores, which is
 * hundreds of times a second across a worker's account steps; the database hears of it at
 * most every {@link CHECKPOINT_FLUSH_MS}: the counts since the last flush are added to the
 * row and the run's cancel flag is read then. A shutting-down worker is noticed at every
 * checkpoint (that costs nothing). `totals` holds every delta reported, flushed or not, for
 * the attempt's last write.
 */
export class ProgressCheckpoint {
  private pending: StepCounts = { read: 0, written: 0, skipped: 0 };
  private readonly reported: StepCounts = { read: 0, written: 0, skipped: 0 };
  private flushedAt = -Infinity;

  constructor(
    private readonly deps: CheckpointDeps,
    private readonly claim: StepClaim,
  ) {}

  readonly checkpoint = async (delta: Partial<StepCounts>): Promise<void> => {
    for (const key of ['read', 'written', 'skipped'] as const) {
      this.pending[key] += delta[key] ?? 0;
      this.reported[key] += delta[key] ?? 0;
    }
    this.deps.lifecycle.assertRunning();
    const now = (this.deps.now ?? Date.now)();
    if (now - this.flushedAt < CHECKPOINT_FLUSH_MS) return;
    this.flushedAt = now;
    const counts = this.pending;
    this.pending = { read: 0, written: 0, skipped: 0 };
    await this.deps.claims.addCounts(this.claim, counts);
    if (await this.deps.runs.isCancelRequested(this.claim.runId))
      throw new RunCancelledError(this.claim.runId);
  };

  /** Every count reported so far in this attempt. */
  get totals(): StepCounts {
    return { ...this.reported };
  }
}
