/** MySQL/MariaDB errors after which InnoDB rolled the whole transaction back: run it again. */
const RETRYABLE_ERRNO = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);

export const DEADLOCK_ATTEMPTS = 5;

/** True when `error` (a Sequelize error or the driver's own) is a deadlock or lock wait timeout. */
export function isDeadlock(error: unknown): boolean {
  const e = error as { errno?: unknown; parent?: { errno?: unknown } } | null;
  return RETRYABLE_ERRNO.has(Number(e?.parent?.errno ?? e?.errno));
}

/**
 * Runs a transaction, and runs it again when InnoDB chose it as a deadlock victim. Concurrent
 * accounts' upserts can take gap locks in opposite orders; the victim's work was rolled back
 * whole, and every write here is an idempotent upsert, so repeating it is the documented cure.
 */
export async function retryingDeadlocks<T>(
  transaction: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= DEADLOCK_ATTEMPTS) throw error;
      await sleep(10 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}
