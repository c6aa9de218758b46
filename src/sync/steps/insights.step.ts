import type { StepContext, StepCounts, SyncStep } from '../step.contract.js';
import { syncAccountInsights } from './account-insights.js';
import { syncMediaInsights } from './media-insights.js';
import type { StepDeps } from './step-deps.js';
import { StepTally } from './step-tally.js';

/** Step 4: the account's daily insights for the window, then its media's lifetime insights. */
export class InsightsStep implements SyncStep {
  readonly name = 'insights' as const;

  constructor(private readonly deps: StepDeps) {}

  async run(context: StepContext): Promise<StepCounts> {
    const tally = new StepTally();
    await syncAccountInsights(this.deps, context, tally);
    await syncMediaInsights(this.deps, context, tally);
    return tally.counts;
  }
}
