import { getHeapStatistics } from 'node:v8';

/**
 * The V8 old-space limit the service runs with: `npm start` and the image set
 * `NODE_OPTIONS` to this unless it is set already, and the sync bench runs its service
 * processes the same way. A sync's live data is bounded by its page pipeline, not by the data
 * set (the bench's 4× data set peaks about 10 % above the 1× one), so a limit
 * far below V8's default (about 4 GiB here) costs no CPU and keeps the heap from growing on
 * garbage: a worker's peak RSS fell from 380–560 MiB to about 210 MiB.
 */
export const SERVICE_HEAP_MB = 192;

/**
 * The young generation's semi-space, MiB (V8's default here is 16). A sync allocates a page's
 * JSON, rows and statement text at a time; with 16 MiB semi-spaces much of it outlived two
 * scavenges and was promoted, and the old space grew with the length of the run. At 32 the
 * bench's worker spent 4–8 % less CPU on (a) and 15–20 % less on (d), and (d)'s peak RSS came
 * within 9–13 % of (a)'s instead of 17–23 %, for about 40 MiB more RSS (docs/DECISIONS.md).
 */
export const SERVICE_SEMI_SPACE_MB = 32;

export const DEFAULT_NODE_OPTIONS = `--max-old-space-size=${SERVICE_HEAP_MB} --max-semi-space-size=${SERVICE_SEMI_SPACE_MB}`;

/** The heap limit this process runs with, MiB (old space and young generation), for the log. */
export const heapLimitMb = (): number => Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
