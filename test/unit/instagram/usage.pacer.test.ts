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

  it('lets an account have 4 calls in flight at low usage, fewer as its usage or the app’s rises, one from 75 %', () => {
    const pacer = pacerWith(new FakeClock());
    const concurrencyAt = (percent: number, appPercent = 0) => {
      pacer.record(A, { percent, appPercent, regainMs: 0 });
      return pacer.concurrency(A);
    };
    expect([0, 50, 56, 60, 65, 70, 74, 75, 90].map((p) => concurrencyAt(p))).toEqual([
      4, 4, 4, 3, 2, 1, 1, 1, 1,
    ]);
    expect(concurrencyAt(10, 65)).toBe(2);
    expect(concurrencyAt(10, 10)).toBe(4);
  });

  it('starts no more of an account’s calls than its usage allows, and more once usage falls', async () => {
    const pacer = pacerWith(new FakeClock());
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    let running = 0;
    const started: number[] = [];
    const finishers: Array<() => void> = [];
    const call = (i: number) =>
      pacer.run(A, async () => {
        running += 1;
        started.push(i);
        await new Promise<void>((resolve) => finishers.push(resolve));
        running -= 1;
      });
    pacer.record(A, { percent: 65, regainMs: 0 });
    const calls = [1, 2, 3, 4, 5, 6].map(call);
    await flush();
    expect(started).toEqual([1, 2]);

    finishers.shift()!();
    await flush();
    expect(started).toEqual([1, 2, 3]);
    expect(running).toBe(2);

    // A response says usage fell: the waiting calls start at once, oldest first, up to 4.
    pacer.record(A, { percent: 20, regainMs: 0 });
    await flush();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(running).toBe(4);
    await pacer.run(B, async () => undefined);

    while (finishers.length > 0) {
      finishers.shift()!();
      await flush();
    }
    await Promise.all(calls);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('frees a call’s place when it fails, even when it failed waiting for its turn', async () => {
    const clock = new FakeClock();
    const pacer = pacerWith(clock);
    // One call in flight at a time from here: a place that was never freed would hang the next.
    pacer.record(A, { percent: 90, regainMs: 0 });
    await expect(pacer.run(A, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await pacer.run(A, async () => 'called')).toBe('called');
    pacer.record(A, { percent: 90, regainMs: 3_600_000 });
    await expect(pacer.run(A, async () => 'called')).rejects.toMatchObject({ kind: 'throttled' });
    await clock.sleep(3_600_000);
    expect(await pacer.run(A, async () => 'called')).toBe('called');
  });
});
