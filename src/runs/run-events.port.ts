import type { RunEvent, RunEventType } from './run.vocabulary.js';

/** What an event says beyond its run and type; unset fields are null, status RUNNING. */
export type EventDetails = Partial<Omit<RunEvent, 'executionId' | 'type' | 'seq' | 'at'>> & {
  at?: Date;
};

/**
 * How the run machinery reports what happens, without knowing where events go
 * (`run-events/` stores them, then publishes them on the bus).
 */
export interface RunEvents {
  emit(executionId: string, type: RunEventType, details?: EventDetails): Promise<RunEvent>;
}
