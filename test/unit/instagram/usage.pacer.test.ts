import { describe, expect, it } from '@jest/globals';
import { GraphApiError } from '../../../src/instagram/graph-api.error.js';
import { parseUsageHeaders } from '../../../src/instagram/usage-headers.parser.js';
import { UsagePacer } from '../../../src/instagram/usage.pacer.js';
import { FakeClock } from '../../support/fake-clock.js';

const A = '17841400000000001';
const B = '17841400000000002';
const buc = (id: string, callCount: number, regainMinutes = 0) =>
  JSON.stringify({
    [id]: [
      {
        type: 'instagram',
        call_count: callCount,
        total_cputime: 1,
        total_time: 1,
        estimated_time_to_regain_access: regainMinutes,
      },
    ],
  });

describe('usage headers', () => {
  it('keeps the account figure and the app figure apart, with the regain time', () => {
    const usage = parseUsageHeaders(
      {
        'x-app-usage': '{"call_count":10,"total_cputime":30,"total_time":20}',
        'x-business-use-case-usage': buc(A, 81, 3),
      },
      A,
    );
    expect(usage).toEqual({ percent: 81, appPercent: 30, regainMs: 180_000 });
  });

  it('says nothing when the headers are absent, malformed or about other accounts', () => {
    expect(parseUsageHeaders({}, A)).toBeUndefined();
    expect(parseUsageHeaders({ 'x-app-usage': 'not json' }, A)).toBeUndefined();
    expect(parseUsageHeaders({ 'x-business-use-case-usage': buc(B, 99) }, A)).toBeUndefined();
  });
});

describe('usage pacer', () => {
  const pacerWith = (clock: FakeClock) =>
    new UsagePacer({
      now: clock.now,
      sleep: clock.sleep,
      maxSpacingMs: 30_000,
      maxWaitMs: 600_000,
    });

  it('does not slow an account down below 75 % and spaces calls more as usage nears 100 %', () => {
    const pacer = pacerWith(new FakeClock());
    const spacingAt = (percent: number) => {
      pacer.record(A, { percent, regainMs: 0 });
      return pacer.spacingMs(A);
    };
    expect(spacingAt(50)).toBe(0);
    expect(spacingAt(74)).toBe(0);
    const at80 = spacingAt(80);
    const at95 = spacingAt(95);
    expect(at80).toBeGreaterThan(0);
    expect(at95).toBeGreaterThan(at80);
    expect(spacingAt(100)).toBe(30_000);
  });

  it('waits out a block before the account’s next call, and leaves other accounts alone', async () => {
    const clock = new FakeClock();
    const pacer = pacerWith(clock);
    pacer.block(A, clock.now() + 120_000);
    await pacer.run(B, async () => undefined);
    expect(clock.sleeps).toEqual([]);
    await pacer.run(A, async () => undefined);
    expect(clock.sleeps).toEqual([120_000]);
  });

  it('fails a call as throttled rather than wait longer than allowed', async () => {
    const clock = new FakeClock();
    const pacer = pacerWith(clock);
    pacer.record(A, { percent: 100, regainMs: 3_600_000 });
    const failure = pacer.run(A, async () => 'called');
    await expect(failure).rejects.toBeInstanceOf(GraphApiError);
    await expect(failure).rejects.toMatchObject({ kind: 'throttled', igUserId: A });
    expect(clock.sleeps).toEqual([]);
  });

  it('lines concurrent calls of a busy account up one spacing apart', async () => {
    const clock = new FakeClock();
    const pacer = pacerWith(clock);
    pacer.record(A, { percent: 90, regainMs: 0 });
    const spacing = pacer.spacingMs(A);
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.run(A, async () => starts.push(clock.now()))));
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(spacing);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(spacing);
  });
});
