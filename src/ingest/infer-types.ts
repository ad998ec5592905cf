// Type inference: the Opendatasoft field type that fits every non-empty sample value.

import type { Annotations, FieldType } from '../core/field.ts';
import { detectListSeparator } from './multivalued.ts';
import {
  readBoolean,
  readDate,
  readDatetime,
  readDouble,
  readGeoPoint,
  readInt,
} from './values.ts';

export interface InferredType {
  type: FieldType;
  annotations: Annotations;
}

/** `YYYY-MM-DD`, which may sit in a datetime column (as midnight UTC). */
function isIsoDate(value: string): boolean {
  return value.length === 10 && value.charCodeAt(4) === 45 && readDate(value) !== undefined;
}

/**
 * The first type, in the order boolean, int, double, date, datetime, geo_point_2d, that
 * reads every non-empty value; then multivalued text; then text. Empty values do not vote,
 * and an all-empty column is text. A column mixing dates and datetimes is datetime.
 */
export function inferType(values: readonly string[], delimiter: string): InferredType {
  let boolean = true;
  let int = true;
  let double = true;
  let date = true;
  let datetime = true;
  let geo = true;
  let seen = 0;
  for (const value of values) {
    if (value === '') continue;
    seen++;
    if (boolean && readBoolean(value) === undefined) boolean = false;
    if (int && readInt(value) === undefined) int = false;
    if (double && !int && readDouble(value) === undefined) double = false;
    if (date && readDate(value) === undefined) date = false;
    if (datetime && readDatetime(value) === undefined && !isIsoDate(value)) datetime = false;
    if (geo && readGeoPoint(value) === undefined) geo = false;
    if (!(boolean || int || double || date || datetime || geo)) break;
  }
  const type: FieldType | undefined =
    seen === 0
      ? 'text'
      : boolean
        ? 'boolean'
        : int
          ? 'int'
          : double
            ? 'double'
            : date
              ? 'date'
              : datetime
                ? 'datetime'
                : geo
                  ? 'geo_point_2d'
                  : undefined;
  if (type) return { type, annotations: {} };
  const separator = detectListSeparator(values, delimiter);
  return { type: 'text', annotations: separator ? { multivalued: [separator] } : {} };
}
