import type { AccountStepStatus } from './store/step-account.repository.js';
import type { StepStatus } from './run.vocabulary.js';

/**
 * A finished step's status from its accounts: SKIPPED when no account had work in it (all
 * failed in an earlier step, or a restart carried every one over), FAILED when every account
 * that worked failed, COMPLETED_WITH_ERRORS when some did, else COMPLETED. A step of a run
 * with no target account at all is COMPLETED.
 */
export function stepOutcome(
  accounts: readonly AccountStepStatus[],
  excludedByEarlierFailures: number,
): StepStatus {
  const worked = accounts.filter((status) => status !== 'skipped');
  const failed = worked.filter((status) => status === 'failed').length;
  if (worked.length === 0 && (accounts.length > 0 || excludedByEarlierFailures > 0))
    return 'SKIPPED';
  if (failed === 0) return 'COMPLETED';
  return failed === worked.length ? 'FAILED' : 'COMPLETED_WITH_ERRORS';
}
