/**
 * A first-come, first-served limit on calls in flight whose size may change between calls:
 * `limit()` is asked each time a call would start, so a smaller limit takes effect as calls
 * finish (none is interrupted) and a larger one as soon as `admit()` is called.
 */
export class CallSlots {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: () => number) {}

  /** Runs `call` once fewer than `limit()` calls are in flight and every earlier call has started. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await call();
    } finally {
      this.inFlight -= 1;
      this.admit();
    }
  }

  /** Whether a call started now would have to wait for a slot. */
  full(): boolean {
    return this.waiting.length > 0 || this.inFlight >= this.limit();
  }

  /** Starts waiting calls, oldest first, while the limit allows (after it may have grown). */
  admit(): void {
    while (this.waiting.length > 0 && this.inFlight < this.limit()) {
      this.inFlight += 1;
      this.waiting.shift()!();
    }
  }

  private acquire(): Promise<void> {
    if (this.waiting.length === 0 && this.inFlight < this.limit()) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
