import type { Migration } from '../src/db/migrator.js';

/**
 * Every migration, in order. Names are `YYYYMMDDHHMM-what`; a landed migration is never
 * edited: add a new one instead.
 */
export const migrations: Migration[] = [];
