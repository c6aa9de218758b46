import { DateTime } from 'luxon';
import { AppError } from '../errors/app.error.js';
import { assertRunId } from '../runs/run-id.js';

/** Page size arguments: 1 to 100, default 20. */
export function pageSize(first: number | null | undefined, field: string): number {
  const value = first ?? 20;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${field} must be a whole number from 1 to 100; got ${value}`,
      field,
    );
  }
  return value;
}

export function parseTime(value: string | null | undefined, field: string): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = DateTime.fromISO(value);
  if (!parsed.isValid)
    throw new AppError(
      'BAD_USER_INPUT',
      `${field} must be an ISO-8601 date-time; got ${JSON.stringify(value)}`,
      field,
    );
  return parsed.toJSDate();
}

export function parseDay(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${field} must be a day as YYYY-MM-DD; got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

/** A run id argument (`id`, `executionId`), refused as BAD_USER_INPUT naming `field`. */
export const parseRunId = assertRunId;
