/**
 * The fake's request log, sorted by what each call read (by path shape, with the fake's data
 * telling an account id from a media id) and counted per account; throttled answers counted
 * from the recorded status and Graph error code.
 */
import type { FakeDataset, RecordedRequest } from '@instagram-sync/fake-instagram-graph-api';

export const ENDPOINTS = [
  'profile',
  'media',
  'comments',
  'replies',
  'accountInsights',
  'mediaInsights',
  'other',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** Codes the Graph API throttles with (4 app, 17 user, 32 page, 613 rate, 80002 Instagram BUC). */
const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80002]);
const THROTTLE_STATUSES: ReadonlySet<number> = new Set([400, 403, 429]);

export const isThrottled = (request: RecordedRequest): boolean =>
  THROTTLE_STATUSES.has(request.status) &&
  request.errorCode !== undefined &&
  THROTTLE_CODES.has(request.errorCode);

/** `/v25.0/{id}/{edge}` or `/instagram/v25.0/{id}/{edge}` → [id, edge]. */
function segmentsOf(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'instagram') parts.shift();
  if (/^v\d+(\.\d+)?$/.test(parts[0] ?? '')) parts.shift();
  return parts;
}

export function classifyRequest(request: RecordedRequest, data: FakeDataset): Endpoint {
  const [id = '', edge, ...rest] = segmentsOf(request.path);
  if (rest.length > 0) return 'other';
  const isAccount = data.accounts.some((a) => a.igUserId === id);
  if (edge === undefined) return isAccount ? 'profile' : data.findMedia(id) ? 'media' : 'other';
  if (edge === 'media' && isAccount) return 'media';
  if (edge === 'insights') return isAccount ? 'accountInsights' : 'mediaInsights';
  if (edge === 'comments') return 'comments';
  if (edge === 'replies') return 'replies';
  return 'other';
}

export interface CallTally {
  total: number;
  byEndpoint: Record<Endpoint, number>;
  /** Calls per IG account (accounts with none included as 0). */
  perAccount: Map<string, number>;
  throttled: number;
}

/** Counts `requests` (one run's slice of the log). */
export function tallyCalls(requests: readonly RecordedRequest[], data: FakeDataset): CallTally {
  const byEndpoint = Object.fromEntries(ENDPOINTS.map((e) => [e, 0])) as Record<Endpoint, number>;
  const perAccount = new Map(data.accounts.map((a) => [a.igUserId, 0]));
  let throttled = 0;
  for (const request of requests) {
    byEndpoint[classifyRequest(request, data)] += 1;
    if (request.igUserId && perAccount.has(request.igUserId)) {
      perAccount.set(request.igUserId, perAccount.get(request.igUserId)! + 1);
    }
    if (isThrottled(request)) throttled += 1;
  }
  return { total: requests.length, byEndpoint, perAccount, throttled };
}

/** Min, median and max of the calls per account. */
export function spreadOf(perAccount: ReadonlyMap<string, number>): [number, number, number] {
  const sorted = [...perAccount.values()].sort((a, b) => a - b);
  if (sorted.length === 0) return [0, 0, 0];
  const middle = sorted.length / 2;
  const median = Number.isInteger(middle)
    ? (sorted[middle - 1]! + sorted[middle]!) / 2
    : sorted[Math.floor(middle)]!;
  return [sorted[0]!, median, sorted.at(-1)!];
}
