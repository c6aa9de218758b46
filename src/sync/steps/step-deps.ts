import type { SyncedDataRepositories } from '../../db/repositories/create-repositories.js';
import type { GraphApiClient } from '../../instagram/index.js';
import type { CombinedTotals } from './combined-totals.js';
import type { ResolvedStepOptions } from './step-options.js';

/** What every step is built from. */
export interface StepDeps {
  graph: GraphApiClient;
  repos: SyncedDataRepositories;
  options: ResolvedStepOptions;
  /** What the steps learnt about the API for the whole process (see CombinedTotals). */
  combinedTotals: CombinedTotals;
}
