import { AppError } from '../errors/app.error.js';

/** Run ids are database keys: a positive whole number, nothing a query could be built from. */
const RUN_ID = /^[1-9]\d{0,15}$/;

/**
 * Refuses anything but a run id before it reaches the database (where `abc` or `1 OR 1=1`
 * would surface as a driver error), naming the argument that carried it.
 */
export function assertRunId(value: string, field: string): string {
  if (!RUN_ID.test(value))
    throw new AppError(
      'BAD_USER_INPUT',
      `${field} must be a run id (a positive whole number); got ${JSON.stringify(value.slice(0, 40))}`,
      field,
    );
  return value;
}
