import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../generated/graphql';
import { request } from './graphql';
import { onTokenChange } from './token';

export interface QueryState<R> {
  data: R | null;
  error: string | null;
  reload(): void;
}

/**
 * Runs `document` now, whenever `key` changes, when a token is entered, and every `refreshMs`
 * when given (lists that change without a subscription: status, recent runs).
 */
export function useQuery<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  key: string,
  refreshMs?: number,
): QueryState<R> {
  const [data, setData] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => onTokenChange(reload), [reload]);
  useEffect(() => {
    let live = true;
    request(document, variables).then(
      (result) => {
        if (!live) return;
        setData(result);
        setError(null);
      },
      (failure: Error) => live && setError(failure.message),
    );
    const timer = refreshMs ? setTimeout(reload, refreshMs) : undefined;
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for the variables: a new object each render must not refetch.
  }, [key, tick]);
  return { data, error, reload };
}
