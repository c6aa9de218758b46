import { describe, expect, it } from '@jest/globals';
import { stepOutcome } from '../../../src/runs/step-outcome.js';

describe("a step's outcome", () => {
  it('is COMPLETED when every account completed, or when the run had no account at all', () => {
    expect(stepOutcome(['completed', 'completed'], 0)).toBe('COMPLETED');
    expect(stepOutcome([], 0)).toBe('COMPLETED');
  });

  it('is COMPLETED_WITH_ERRORS when some accounts failed and FAILED when all that worked did', () => {
    expect(stepOutcome(['completed', 'failed'], 0)).toBe('COMPLETED_WITH_ERRORS');
    expect(stepOutcome(['failed', 'failed', 'skipped'], 0)).toBe('FAILED');
  });

  it('is SKIPPED when no account had work left: all failed earlier, or a restart carried them over', () => {
    expect(stepOutcome([], 3)).toBe('SKIPPED');
    expect(stepOutcome(['skipped', 'skipped'], 0)).toBe('SKIPPED');
  });
});
