// Type inference for typed formats: the values' own types first (numbers, booleans, dates,
// geometries, lists), then CSV's rules for text, so every format infers the same way.

import type { FieldType } from '../../core/field.ts';
import type { InferredType } from '../infer-types.ts';
import { inferType } from '../infer-types.ts';
import {
  asGeoPoint,
  isEmpty,
  isGeometry,
  isMidnightUtc,
  isScalar,
  isValidDate,
  textOf,
} from './value-kind.ts';

/** A list separator that appears in no item (the multivalued annotation needs one). */
function listSeparator(lists: unknown[][]): string {
  const items = lists.flat().map((item) => textOf(item));
  return [',', '|', ';'].find((s) => items.every((item) => !item.includes(s))) ?? '|';
}

/** Types a typed format's strings do not turn into (`"75001"` stays a code). */
const NOT_FROM_TEXT = new Set<FieldType>(['int', 'double', 'boolean']);

function plain(type: FieldType): InferredType {
  return { type, annotations: {} };
}

/**
 * The ODS type of a column from its sample values: all numbers → int (integers within ±2^53)
 * or double; all booleans → boolean; all dates → date (every one at midnight UTC) or
 * datetime; all points → geo_point_2d; all geometries → geo_shape; all lists of scalars →
 * multivalued text; other objects → json_blob; anything else is read as CSV text would be,
 * except that strings never become numbers or booleans (the file said they were text).
 */
export function inferValueType(values: readonly unknown[]): InferredType {
  const present = values.filter((value) => !isEmpty(value));
  if (present.length === 0) return plain('text');
  const all = (test: (value: unknown) => boolean) => present.every(test);
  if (all((v) => typeof v === 'number' || typeof v === 'bigint')) {
    const safe = (v: unknown) =>
      typeof v === 'bigint'
        ? v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
        : Number.isSafeInteger(v);
    return plain(all(safe) ? 'int' : 'double');
  }
  if (all((v) => typeof v === 'boolean')) return plain('boolean');
  if (all(isValidDate)) return plain(all((v) => isMidnightUtc(v as Date)) ? 'date' : 'datetime');
  if (all((v) => asGeoPoint(v) !== undefined)) return plain('geo_point_2d');
  if (all(isGeometry)) return plain('geo_shape');
  if (all((v) => Array.isArray(v) && v.every((item) => isScalar(item)))) {
    return { type: 'text', annotations: { multivalued: [listSeparator(present as unknown[][])] } };
  }
  if (all((v) => isScalar(v) || isValidDate(v) || typeof v === 'bigint')) {
    // Text, or a mix (codes written as numbers and text): CSV's rules on the values as text,
    // except that text the file typed as such stays text rather than become a number.
    const inferred = inferType(
      present.map((v) => textOf(v)),
      '',
    );
    const textual = all((v) => typeof v === 'string');
    return textual && NOT_FROM_TEXT.has(inferred.type) ? plain('text') : inferred;
  }
  return plain('json_blob');
}
