import type { OldStyleGraphReader } from './graph-reader.js';
import type { OldStyleRowWriter } from './old-tables.js';

export interface OldStyleAccount {
  igUserId: string;
  accessToken: string;
}

/** What every step of the old job reads from and writes to. */
export interface OldStyleJobContext {
  graph: OldStyleGraphReader;
  writer: OldStyleRowWriter;
  /** From the start of the window's first day (UTC) to now. */
  window: { start: Date; end: Date };
}

export function text(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

export function count(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
