import type { SyncedDataRepositories } from '../../db/repositories/create-repositories.js';
import type { GraphApiClient } from '../../instagram/index.js';
import { STEP_NAMES, type StepName, type SyncStep } from '../step.contract.js';
import { CombinedTotals } from './combined-totals.js';
import { CommentsStep } from './comments.step.js';
import { InsightsStep } from './insights.step.js';
import { MediaStep } from './media.step.js';
import { ProfileStep } from './profile.step.js';
import type { StepDeps } from './step-deps.js';
import { resolveStepOptions, type SyncStepOptions } from './step-options.js';

export { DEFAULT_TOTAL_VALUE_METRICS, type SyncStepOptions } from './step-options.js';
export { MEDIA_INSIGHT_METRICS, mediaInsightMetrics } from './media-insights.js';

export interface CreateStepsDeps {
  graph: GraphApiClient;
  repos: SyncedDataRepositories;
  options?: SyncStepOptions;
}

const BUILDERS: Record<StepName, (deps: StepDeps) => SyncStep> = {
  profile: (deps) => new ProfileStep(deps),
  media: (deps) => new MediaStep(deps),
  comments: (deps) => new CommentsStep(deps),
  insights: (deps) => new InsightsStep(deps),
};

/**
 * The four steps, keyed and iterated in the one order `STEP_NAMES`. Built once per process:
 * what they learn about the API (CombinedTotals) holds for every run and account after.
 */
export function createSteps(deps: CreateStepsDeps): ReadonlyMap<StepName, SyncStep> {
  const stepDeps: StepDeps = {
    graph: deps.graph,
    repos: deps.repos,
    options: resolveStepOptions(deps.options),
    combinedTotals: new CombinedTotals(),
  };
  return new Map(STEP_NAMES.map((name) => [name, BUILDERS[name](stepDeps)]));
}
