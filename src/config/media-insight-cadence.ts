/**
 * `SYNC_MEDIA_INSIGHTS_CADENCE`: how often a media's insights are asked on their own, by the
 * media's age, as `<under days>:<every days>` rules, ages ascending, the last for `*` (every
 * older media). `7:0,30:3,*:7`: every run under 7 days, every 3 days under 30, then weekly.
 */
export interface CadenceRule {
  /** The rule holds for media younger than this many days; null for every older media. */
  underDays: number | null;
  /** Asked again once the last read is this many days old; 0 = every run. */
  everyDays: number;
}

export const DEFAULT_CADENCE_TEXT = '7:0,30:3,*:7';

/** The rules of `text`; throws a message naming what is wrong. */
export function parseCadence(text: string): CadenceRule[] {
  const rules = text.split(',').map((part) => {
    const match = /^\s*(\d+|\*)\s*:\s*(\d+)\s*$/.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not <age days or *>:<every days>`);
    const underDays = match[1] === '*' ? null : Number(match[1]);
    return { underDays, everyDays: Number(match[2]) };
  });
  const ages = rules.map((r) => r.underDays);
  if (ages.at(-1) !== null || ages.slice(0, -1).includes(null)) {
    throw new Error('the last rule, and only it, must be *:<every days> (every older media)');
  }
  const bounded = ages.slice(0, -1) as number[];
  if (bounded.some((age, i) => i > 0 && age <= bounded[i - 1]!)) {
    throw new Error('ages must be ascending, as in 7:0,30:3,*:7');
  }
  return rules;
}
