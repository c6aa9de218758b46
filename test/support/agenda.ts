import type { Agenda } from 'agenda';
import type { Sequelize } from 'sequelize';
import { createAgenda } from '../../src/runs/agenda.factory.js';

/**
 * An agenda of this process alone on `sequelize` (the in-process notification channel, one
 * run at a time) that scans for jobs every `processEveryMs`.
 */
export function createTestAgenda(
  sequelize: Sequelize,
  namespace: string,
  processEveryMs: number,
): Agenda {
  return createAgenda({
    sequelize,
    namespace,
    concurrency: 1,
    lockLifetimeMs: 30_000,
    processEveryMs,
    // The in-memory channel of a test without Redis never fails.
    onChannelError: (error) => {
      throw error;
    },
  });
}
