/** Display helpers: times in the browser's locale, durations as h/m/s. */

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, (h || m) && `${m} min`, `${s} s`].filter(Boolean).join(' ');
}

export const formatTarget = (userNo: number | null | undefined) =>
  userNo === null || userNo === undefined ? 'all accounts' : `user ${userNo}`;

/**
 * The last `days` days as YYYY-MM-DD, one day past today: the service's days are in its own
 * time zone, which may be ahead of UTC.
 */
export function recentDays(days: number): { since: string; until: string } {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { since: day(-days), until: day(1) };
}
