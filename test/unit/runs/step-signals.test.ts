import { describe, expect, it } from '@jest/globals';
import { StepSignals } from '../../../src/runs/step-signals.js';

/** Far longer than any test runs: a wait that ends is one a signal ended. */
const POLL_MS = 600_000;

/** Whether `promise` has settled by the time the pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe("the step barrier's wake-up", () => {
  it("ends a driver's wait as soon as an account step of its run ends, and not for another run", async () => {
    const signals = new StepSignals();
    const wait = signals.wait('7', POLL_MS);
    signals.notify('8');
    expect(await settled(wait)).toBe(false);
    signals.notify('7');
    expect(await settled(wait)).toBe(true);
  });

  it('keeps a signal sent between two waits for the next one, once', async () => {
    const signals = new StepSignals();
    signals.notify('7');
    expect(await settled(signals.wait('7', POLL_MS))).toBe(true);
    const next = signals.wait('7', POLL_MS);
    expect(await settled(next)).toBe(false);
    signals.notify('7');
    await next;
  });

  it('still ends a wait at the poll when no signal comes', async () => {
    const signals = new StepSignals();
    await expect(signals.wait('7', 5)).resolves.toBeUndefined();
  });
});
