/**
 * Renews an owner's lease on a timer for as long as its work runs, not only between pages: one
 * Graph API call may wait out a throttle for longer than a lock lifetime. Ticks never overlap;
 * a failed renewal is reported and the next tick tries again. The timer is unref'd so it never
 * keeps a process alive; call the returned function in `finally`.
 */
export function keepAlive(
  renew: () => Promise<void>,
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    renew()
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
