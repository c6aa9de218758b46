/**
 * `breakdown=…` on account insights: a total split over dimension values, in the
 * `total_value.breakdowns[{dimension_keys, results[{dimension_values, value}]}]` shape.
 * Demographic metrics answer only breakdowns (no overall `value`), top 45 at most.
 */
import type { Json } from './graph-context.js';
import { invalidParameter } from './graph-errors.js';
import { unitHash } from './seeded-random.js';

const DIMENSIONS: Record<string, readonly string[]> = {
  media_product_type: ['REEL', 'POST', 'CAROUSEL_CONTAINER', 'STORY'],
  follower_type: ['FOLLOWER', 'NON_FOLLOWER'],
  follow_type: ['FOLLOWER', 'NON_FOLLOWER'],
  contact_button_type: ['BOOK_NOW', 'CALL', 'DIRECTION', 'EMAIL', 'TEXT', 'UNDEFINED'],
  age: ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
  gender: ['F', 'M', 'U'],
  city: ['Seoul, Seoul', 'Busan, Busan', 'Incheon, Incheon', 'Daegu, Daegu', 'Suwon, Gyeonggi'],
  country: ['KR', 'US', 'JP', 'TW', 'VN'],
};

function combinations(keys: string[]): string[][] {
  return keys.reduce<string[][]>(
    (acc, key) => acc.flatMap((prefix) => (DIMENSIONS[key] ?? []).map((v) => [...prefix, v])),
    [[]],
  );
}

/** Checks the requested breakdown names. */
export function assertBreakdown(keys: string[]): void {
  keys.forEach((key, i) => {
    if (DIMENSIONS[key] === undefined) {
      const names = Object.keys(DIMENSIONS).join(', ');
      throw invalidParameter(`breakdown[${i}] must be one of the following values: ${names}`);
    }
  });
}

/** `breakdowns` splitting `total` deterministically over the dimension values. */
export function breakdowns(seedParts: number[], keys: string[], total: number): Json[] {
  const combos = combinations(keys).slice(0, 45);
  const weights = combos.map((_, i) => 0.2 + unitHash(...seedParts, 31, i));
  const sum = weights.reduce((a, b) => a + b, 0);
  const results = combos.map((values, i) => ({
    dimension_values: values,
    value: Math.round((total * (weights[i] ?? 0)) / sum),
  }));
  return [{ dimension_keys: keys, results }];
}
