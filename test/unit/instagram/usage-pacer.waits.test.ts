import { describe, expect, it } from '@jest/globals';
import { UsagePacer, type PacerWait } from '../../../src/instagram/usage.pacer.js';
import { FakeClock } from '../../support/fake-clock.js';

const A = '17841400000000001';
const B = '17841400000000002';

/** A real pacer on virtual time, recording every wait it reports. */
function pacerWithWaits(options: { maxConcurrentPerAccount?: number } = {}) {
  const clock = new FakeClock();
  const waits: PacerWait[] = [];
  const pacer = new UsagePacer({
    now: clock.now,
    sleep: clock.sleep,
    maxSpacingMs: 30_000,
    maxWaitMs: 600_000,
    onWait: (wait) => waits.push(wait),
    ...options,
  });
  return { clock, pacer, waits };
}

describe('the waits the usage pacer reports', () => {
  it('reports nothing while usage is low and no call waits', async () => {
    const { pacer, waits } = pacerWithWaits();
    pacer.record(A, { percent: 40, regainMs: 0 });
    await Promise.all([1, 2, 3].map(() => pacer.run(A, async () => undefined)));
    expect(waits).toEqual([]);
  });

  it('reports the spacing of a busy account’s calls, for as long as they wait', async () => {
    const { clock, pacer, waits } = pacerWithWaits();
    pacer.record(A, { percent: 100, regainMs: 0 });
    await pacer.run(A, async () => undefined);
    await pacer.run(A, async () => undefined);
    expect(waits).toEqual([{ reason: 'spacing', waitMs: 30_000 }]);
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('tells an account’s block from the whole app’s', async () => {
    const { clock, pacer, waits } = pacerWithWaits();
    pacer.block(A, clock.now() + 120_000);
    await pacer.run(A, async () => undefined);
    pacer.blockApp(clock.now() + 60_000);
    await pacer.run(B, async () => undefined);
    expect(waits).toEqual([
      { reason: 'account_blocked', waitMs: 120_000 },
      { reason: 'app_blocked', waitMs: 60_000 },
    ]);
  });

  it('reports a call that waited for one of its account’s call slots', async () => {
    const { clock, pacer, waits } = pacerWithWaits({ maxConcurrentPerAccount: 1 });
    let finish: () => void = () => {};
    const first = pacer.run(A, () => new Promise<void>((resolve) => (finish = resolve)));
    const second = pacer.run(A, async () => undefined);
    await clock.sleep(5_000);
    finish();
    await Promise.all([first, second]);
    expect(waits).toEqual([{ reason: 'call_slots', waitMs: 5_000 }]);
  });
});
