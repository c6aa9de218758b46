/**
 * The hook for the sequential sync "in the style of the old Spring Batch job", written
 * beside this bench as `bench/sync/old-style/index.ts` (its own branch): loaded when present,
 * otherwise the `old` scenario says "old-style module missing" and the others carry on.
 */

export interface OldStyleOptions {
  graphUrl: string;
  accounts: Array<{ igUserId: string; accessToken: string }>;
  months: number;
  databaseUrl: string;
}

export type RunOldStyleSync = (options: OldStyleOptions) => Promise<{ wallMs: number }>;

/** Where the old-style module lives, relative to this file (the compiled one in dist/bench too). */
const OLD_STYLE_MODULE = './old-style/index.js';

/** `runOldStyleSync` of the old-style module, or null when that module is not there. */
export async function loadOldStyleSync(): Promise<RunOldStyleSync | null> {
  // A non-literal specifier: the module may not exist on this branch, and must not be required
  // by the type checker.
  const specifier: string = OLD_STYLE_MODULE;
  try {
    const loaded = (await import(specifier)) as { runOldStyleSync?: RunOldStyleSync };
    return typeof loaded.runOldStyleSync === 'function' ? loaded.runOldStyleSync : null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('old-style')) return null;
    throw error;
  }
}
