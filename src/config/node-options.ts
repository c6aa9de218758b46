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

export const DEFAULT_NODE_OPTIONS = `--max-old-space-size=${SERVICE_HEAP_MB}`;

/** The heap limit this process runs with, MiB (old space and young generation), for the log. */
export const heapLimitMb = (): number => Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
