/**
 * Database writes kept off the critical path of the next Graph API call: `push` starts a
 * write once the one before it has ended and returns without waiting for it, so the caller
 * fetches the next page while this one is stored. At most one write waits behind another
 * (the caller is held back instead), so memory stays at a page or two. Writes run in the
 * order pushed; the first failure is thrown by the next `push` or by `drain`.
 */
export class WriteBehind {
  private last: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  /** Queues `write`; resolves with `done`, the end of that write (which never rejects). */
  async push(write: () => Promise<void>): Promise<{ done: Promise<void> }> {
    this.throwIfFailed();
    const previous = this.last;
    // Chained at once, so writes pushed by tasks running side by side still go one by one.
    const done = previous
      .then(() => (this.failure ? undefined : write()))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
    this.last = done;
    await previous;
    this.throwIfFailed();
    return { done };
  }

  /** Waits for every queued write; throws the first that failed. */
  async drain(): Promise<void> {
    await this.last;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
