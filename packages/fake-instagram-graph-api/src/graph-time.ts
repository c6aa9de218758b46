/**
 * Time as the Graph API speaks it. Timestamps look like `2019-04-05T07:56:32+0000`.
 * Insight day buckets are Pacific days (America/Los_Angeles, with daylight saving): they end
 * at 07:00 UTC in summer and 08:00 UTC in winter, as public API samples from January and
 * March show, and the days of the March and November changes last 23 and 25 hours.
 */

export const DAY_MS = 86_400_000;
const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const HOUR_MS = 3_600_000;
/** Offsets by UTC hour: Pacific changes its offset only on a whole hour. */
const offsetByHour = new Map<number, number>();

/** Pacific wall-clock time minus UTC at the instant `ms`: −7 h (PDT) or −8 h (PST). */
function pacificOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = offsetAt(hour * HOUR_MS);
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function offsetAt(at: number): number {
  const parts = new Map(PACIFIC.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? NaN;
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - at;
}

/** `2019-04-05T07:56:32+0000` */
export function toGraphTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + '+0000';
}

export function fromGraphTime(text: string): number {
  return Date.parse(text.replace('+0000', 'Z'));
}

/** Day number (days since 1970-01-01 of the Pacific calendar) of the bucket holding `ms`. */
export function bucketDayOf(ms: number): number {
  return Math.floor((ms + pacificOffsetMs(ms)) / DAY_MS);
}

/**
 * Start of the bucket of day `day` (Pacific midnight of that date), in ms. The offset is read
 * at 08:00 UTC of the date, Pacific 00:00 or 01:00: before either day's 02:00 change.
 */
export function bucketStart(day: number): number {
  return day * DAY_MS - pacificOffsetMs(day * DAY_MS + 8 * 3_600_000);
}

export function dayToISO(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → day number, or undefined when malformed. */
export function dayFromISO(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms / DAY_MS;
}

/**
 * A `since`/`until` value: Unix seconds, or a date string the way strtotime reads the
 * common forms (`2025-06-01`, ISO-8601 with or without zone; no zone = UTC). Returns ms.
 */
export function parseTimeParam(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const isoLike = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : withZone;
  const ms = Date.parse(isoLike.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** "Thursday, 29-Jul-21 10:00:00 PDT", the format of the 190/463 message (Pacific time). */
export function toPacificText(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    weekday: 'long',
    day: '2-digit',
    month: 'short',
    year: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return (
    `${get('weekday')}, ${get('day')}-${get('month')}-${get('year')} ` +
    `${get('hour')}:${get('minute')}:${get('second')} ${get('timeZoneName')}`
  );
}
