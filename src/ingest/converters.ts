// Per-field converters from CSV text to typed cells, built once per import.

import type { CellValue } from '../core/cell.ts';
import type { Field } from '../core/field.ts';
import { multivaluedSeparator } from '../core/field.ts';
import {
  readBoolean,
  readDate,
  readDatetime,
  readDouble,
  readGeoPoint,
  readInt,
  readIsoDateAsTime,
} from './values.ts';

/** Returned by a converter when the text is not a value of the field's type. */
export const INVALID: unique symbol = Symbol('invalid');

export type Converter = (text: string) => CellValue | typeof INVALID;

/** Why a value was refused, by field type, for the issue list. */
export const INVALID_REASONS: Record<Field['type'], string> = {
  text: 'not text',
  int: 'not an integer',
  double: 'not a decimal number',
  boolean: 'not true or false',
  date: 'not a date (YYYY-MM-DD or DD/MM/YYYY)',
  datetime: 'not an ISO 8601 date and time',
  geo_point_2d: 'not a "latitude, longitude" point',
  geo_shape: 'not a GeoJSON geometry',
  file: 'not a file reference',
  json_blob: 'not JSON',
};

function typed<T>(read: (text: string) => T | undefined): Converter {
  return (text) => {
    if (text === '') return null;
    const value = read(text);
    return value === undefined ? INVALID : value;
  };
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 160;
}

/** Trimmed non-empty items; a value without separator or spaces is kept as it is. */
function list(separator: string): Converter {
  return (text) => {
    if (text === '') return null;
    if (
      text.indexOf(separator) === -1 &&
      !isSpace(text.charCodeAt(0)) &&
      !isSpace(text.charCodeAt(text.length - 1))
    ) {
      return [text];
    }
    const items: string[] = [];
    for (const item of text.split(separator)) {
      const trimmed = item.trim();
      if (trimmed !== '') items.push(trimmed);
    }
    return items.length === 0 ? null : items;
  };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readGeometry(text: string): unknown {
  const value = readJson(text);
  const isGeometry =
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string';
  return isGeometry ? value : undefined;
}

/** An ISO date-only value in a datetime column is midnight UTC. */
function readDatetimeOrDate(text: string): number | undefined {
  return text.length === 10 ? readIsoDateAsTime(text) : readDatetime(text);
}

/** The converter of a field: '' → null, a value of the type → its cell, else INVALID. */
export function converterFor(field: Field): Converter {
  switch (field.type) {
    case 'text': {
      const separator = multivaluedSeparator(field);
      return separator === undefined ? (text) => (text === '' ? null : text) : list(separator);
    }
    case 'int':
      return typed(readInt);
    case 'double':
      return typed(readDouble);
    case 'boolean':
      return typed(readBoolean);
    case 'date':
      return typed(readDate);
    case 'datetime':
      return typed(readDatetimeOrDate);
    case 'geo_point_2d':
      return typed(readGeoPoint);
    case 'geo_shape':
      return typed(readGeometry);
    case 'file':
      return (text) => (text === '' ? null : text);
    case 'json_blob':
      return typed(readJson);
  }
}
