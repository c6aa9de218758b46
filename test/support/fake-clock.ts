/**
 * The client's time seam for tests, in virtual time: `sleep(ms)` records the wait and wakes
 * sleepers in order of their wake time, moving `now` forward as it does, so a 10-minute
 * throttle costs no real time. `holdSleepsFrom(ms)` parks sleeps of at least `ms` until
 * `release()`, to observe what happens while an account waits.
 */
export class FakeClock {
  private current = Date.parse('2026-11-02T03:00:00Z');
  readonly sleeps: number[] = [];
  private timers: Array<{ wake: number; resolve: () => void }> = [];
  private scheduled = false;
  private holdFrom = Infinity;
  private held: Array<{ ms: number; resolve: () => void }> = [];
  private heldListeners: Array<() => void> = [];

  readonly now = (): number => this.current;

  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      if (ms >= this.holdFrom) {
        this.held.push({ ms, resolve });
        for (const listener of this.heldListeners.splice(0)) listener();
        return;
      }
      this.timers.push({ wake: this.current + ms, resolve });
      this.schedule();
    });
  };

  /** Always 0.5: a backoff is then exactly ¾ of its ceiling. */
  readonly random = (): number => 0.5;

  /** Sleeps in the order given, as the client asked for them. */
  sleepsOfAtLeast(ms: number): number[] {
    return this.sleeps.filter((s) => s >= ms);
  }

  holdSleepsFrom(ms: number): void {
    this.holdFrom = ms;
  }

  /** Resolves once some sleep is parked. */
  whenHeld(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldListeners.push(resolve));
  }

  /** Wakes the parked sleeps (their time passes) and stops parking. */
  release(): void {
    this.holdFrom = Infinity;
    for (const { ms, resolve } of this.held.splice(0)) {
      this.timers.push({ wake: this.current + ms, resolve });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.timers.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.wake - b.wake);
      const timer = this.timers.shift();
      if (timer) {
        this.current = Math.max(this.current, timer.wake);
        timer.resolve();
      }
      this.schedule();
    });
  }
}
