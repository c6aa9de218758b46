import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { JobParameters } from 'agenda';
import { SequelizeBackend } from '@instagram-sync/agenda-sequelize-backend';
import { createTestDatabase, type TestDatabase } from './databases.js';
import type { Engine } from './open-database.js';

/** A job as Agenda hands it to `saveJob`, due now unless told otherwise. */
export function jobOf(overrides: Partial<JobParameters> & { name: string }): JobParameters {
  return { priority: 0, nextRunAt: new Date(), type: 'normal', data: {}, ...overrides };
}

export const secondsFromNow = (seconds: number): Date => new Date(Date.now() + seconds * 1000);

export interface AgendaTestContext {
  db: TestDatabase;
  backend: SequelizeBackend;
}

/**
 * One database per engine, with the Agenda tables, for the whole describe block, emptied before each test.
 * Returns a holder filled in `beforeAll` (jest collects tests before hooks run).
 */
export function useAgendaDatabase(engine: Engine): AgendaTestContext {
  const context = {} as AgendaTestContext;
  beforeAll(async () => {
    context.db = await createTestDatabase(engine);
    context.backend = new SequelizeBackend({ sequelize: context.db.sequelize });
    await context.backend.connect();
  });
  beforeEach(async () => {
    await context.db.sequelize.query('DELETE FROM agenda_jobs');
    await context.db.sequelize.query('DELETE FROM agenda_logs');
  });
  afterAll(async () => {
    await context.db?.drop();
  });
  return context;
}

/** Resolves once `predicate` holds, checking every 20 ms; rejects after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `promise`, or a rejection naming `what` if it has not settled within `timeoutMs`. */
export async function within<T>(promise: Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
