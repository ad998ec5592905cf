// A typed cell back to the text the CSV readers take, so that a retype (or a computed value of
// another type) goes through the same converters as the import itself.

import type { CellValue, GeoPoint } from '../../core/cell.ts';
import type { Field, FieldType } from '../../core/field.ts';
import { multivaluedSeparator } from '../../core/field.ts';
import { converterFor, INVALID } from '../converters.ts';

/** The text of a cell of a field of `type` ('' for null). */
export function cellText(value: unknown, type: FieldType, separator = ','): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(separator);
  switch (type) {
    case 'datetime':
      return typeof value === 'number' ? new Date(value).toISOString() : String(value);
    case 'geo_point_2d': {
      const point = value as GeoPoint;
      return `${point.lat}, ${point.lon}`;
    }
    case 'geo_shape':
    case 'json_blob':
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return String(value);
  }
}

/** Converts one cell; INVALID when it does not fit. */
export type CellConverter = (value: unknown) => CellValue | typeof INVALID;

/**
 * Converts cells of `from` to cells of field `to`; INVALID when the value does not read as the
 * new type. A datetime becomes its UTC day as a date; a point becomes a GeoJSON Point.
 */
export function retyper(from: Field, to: Field): CellConverter {
  const separator = multivaluedSeparator(from) ?? ',';
  const convert = converterFor(to);
  if (from.type === 'datetime' && to.type === 'date') {
    return (value) =>
      typeof value === 'number' ? new Date(value).toISOString().slice(0, 10) : null;
  }
  if (from.type === 'geo_point_2d' && to.type === 'geo_shape') {
    return (value) => {
      const point = value as GeoPoint | null;
      return point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null;
    };
  }
  return (value) => {
    if (value === null || value === undefined) return null;
    const text = cellText(value, from.type, separator);
    const converted = convert(text.trim() === text ? text : text.trim());
    return converted === INVALID ? INVALID : converted;
  };
}
