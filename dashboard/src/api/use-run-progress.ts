import { useEffect, useState } from 'preact/hooks';
import { RunProgressDocument, type RunProgressSubscription } from '../generated/graphql';
import type { StepProgress } from '../components/step-card';
import { subscribe } from './graphql';
import { onTokenChange } from './token';

type RunEvent = RunProgressSubscription['batchProgress'];

export interface LiveRun {
  /** The run's status after the latest event; null before the first. */
  status: RunEvent['status'] | null;
  /** The latest progress of each step seen so far. */
  steps: Partial<Record<string, StepProgress>>;
  /** The socket failed (the page falls back to what it last read). */
  error: string | null;
}

/**
 * Follows a run over `batchProgress` from its first event (the service replays the stored ones,
 * then streams live ones, then completes). `onChange` is told of every event that changes more
 * than a progress count: a step started or ended, an account failed, the run ended.
 */
export function useRunProgress(executionId: string, onChange: () => void): LiveRun {
  const [live, setLive] = useState<LiveRun>({ status: null, steps: {}, error: null });
  const [connection, setConnection] = useState(0);

  useEffect(() => onTokenChange(() => setConnection((n) => n + 1)), []);
  useEffect(() => {
    setLive({ status: null, steps: {}, error: null });
    return subscribe(
      RunProgressDocument,
      { executionId, afterSeq: 0 },
      {
        next: ({ batchProgress: event }) => {
          setLive((before) => ({
            status: event.status,
            error: null,
            steps:
              event.step && event.progress
                ? { ...before.steps, [event.step]: event.progress }
                : before.steps,
          }));
          if (event.type !== 'STEP_PROGRESS') onChange();
        },
        error: (error) => setLive((before) => ({ ...before, error: error.message })),
        complete: onChange,
      },
    );
  }, [executionId, connection]);
  return live;
}
