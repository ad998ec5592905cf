// Per-field converters for typed formats: a value of the field's type is kept, text goes
// through CSV's readers, anything else is INVALID (the row keeps a null and an issue).

import type { CellValue } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import { multivaluedSeparator } from '../../core/field.ts';
import { converterFor, INVALID } from '../converters.ts';
import { asGeoPoint, isEmpty, isGeometry, isScalar, isValidDate, textOf } from './value-kind.ts';

export type ValueConverter = (value: unknown) => CellValue | typeof INVALID;

function safeNumber(value: bigint): number | typeof INVALID {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : INVALID;
}

function numberConverter(integer: boolean, fromText: ValueConverter): ValueConverter {
  return (value) => {
    if (typeof value === 'bigint') return integer ? safeNumber(value) : Number(value);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return INVALID;
      return !integer || Number.isSafeInteger(value) ? value : INVALID;
    }
    return typeof value === 'string' ? fromText(value) : INVALID;
  };
}

function listConverter(separator: string, fromText: ValueConverter): ValueConverter {
  return (value) => {
    if (Array.isArray(value)) {
      const items = value.filter((item) => !isEmpty(item)).map((item) => textOf(item));
      return items.length === 0 ? null : items;
    }
    return isScalar(value) ? fromText(textOf(value)) : INVALID;
  };
}

/** A JSON value as storage can write it (Parquet's INT64 are bigints, dates become text). */
function jsonValue(value: unknown): CellValue | typeof INVALID {
  if (typeof value !== 'object' && typeof value !== 'bigint') return value as CellValue;
  const text = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? Number(item) : item,
  );
  return text === undefined ? INVALID : (JSON.parse(text) as CellValue);
}

function textConverter(): ValueConverter {
  return (value) => textOf(value);
}

/** The converter of a field: empty → null, else the typed cell or INVALID. */
export function valueConverterFor(field: Field): ValueConverter {
  const text = converterFor(field);
  const fromText: ValueConverter = (value) => text(value as string);
  const typed = ((): ValueConverter => {
    switch (field.type) {
      case 'text': {
        const separator = multivaluedSeparator(field);
        return separator === undefined ? textConverter() : listConverter(separator, fromText);
      }
      case 'int':
        return numberConverter(true, fromText);
      case 'double':
        return numberConverter(false, fromText);
      case 'boolean':
        return (value) =>
          typeof value === 'boolean'
            ? value
            : typeof value === 'string'
              ? fromText(value)
              : INVALID;
      case 'date':
        return (value) =>
          isValidDate(value)
            ? value.toISOString().slice(0, 10)
            : typeof value === 'string'
              ? fromText(value)
              : INVALID;
      case 'datetime':
        return (value) =>
          isValidDate(value)
            ? value.getTime()
            : typeof value === 'string'
              ? fromText(value)
              : INVALID;
      case 'geo_point_2d':
        return (value) =>
          typeof value === 'string' ? fromText(value) : (asGeoPoint(value) ?? INVALID);
      case 'geo_shape':
        return (value) =>
          typeof value === 'string' ? fromText(value) : isGeometry(value) ? value : INVALID;
      case 'json_blob':
        return jsonValue;
      case 'file':
        return (value) => (typeof value === 'string' ? value : INVALID);
    }
  })();
  return (value) => (isEmpty(value) ? null : typed(value));
}
