/**
 * Value conversions for columns whose JavaScript type differs by engine: MySQL returns BIGINT
 * as strings (`bigNumberStrings`).
 */

/** A BIGINT column as a number, keeping NULL ("not measured") apart from 0. */
export function toNullableNumber(
  value: number | string | bigint | null | undefined,
): number | null {
  return value === null || value === undefined ? null : Number(value);
}
