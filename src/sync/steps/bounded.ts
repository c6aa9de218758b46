import pLimit from 'p-limit';

/**
 * `task` over `items`, at most `concurrency` at once, results in item order. After the first
 * failure no further task starts; the tasks already running finish (their writes are
 * complete upserts), then that first error is thrown — e.g. `RunCancelledError` from a
 * checkpoint, or an account-wide `GraphApiError` such as an expired token.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const limit = pLimit(Math.max(1, concurrency));
  let failure: { error: unknown } | undefined;
  const results = await Promise.all(
    items.map((item) =>
      limit(async (): Promise<R | undefined> => {
        if (failure) return undefined;
        try {
          return await task(item);
        } catch (error) {
          failure ??= { error };
          return undefined;
        }
      }),
    ),
  );
  if (failure) throw failure.error;
  return results as R[];
}

/** `items` cut into consecutive slices of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) {
    chunks.push(items.slice(i, i + Math.max(1, size)));
  }
  return chunks;
}
