/**
 * Value conversions for columns whose JavaScript type differs by engine: MySQL returns BIGINT
 * as strings (`bigNumberStrings`) and SQLite returns BOOLEAN as 0/1 in some paths.
 */

/** A BIGINT column as a number, keeping NULL ("not measured") apart from 0. */
export function toNullableNumber(
  value: number | string | bigint | null | undefined,
): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A BOOLEAN column as a boolean, keeping NULL (unknown) apart from false. */
export function toNullableBoolean(value: boolean | number | null | undefined): boolean | null {
  return value === null || value === undefined ? null : Boolean(value);
}
