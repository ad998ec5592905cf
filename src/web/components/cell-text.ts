// A record's value as text for the site's tables and detail views, by field type, in the
// visitor's language.

import type { FieldType } from '../../core/field.ts';
import type { Lang } from '../../i18n/languages.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { formatCalendarDate, formatDate } from './dates.ts';

export interface CellFormat {
  lang: Lang;
  timeZone: string;
  yes: string;
  no: string;
}

/** `decimals`: the digits a decimal number shows after its point (`decimals`), if set. */
export function cellText(
  value: unknown,
  type: FieldType,
  format: CellFormat,
  decimals?: number,
): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => cellText(v, type, format, decimals)).join(', ');
  switch (type) {
    case 'int':
    case 'double':
      return typeof value === 'number' ? formatNumber(format.lang, value, decimals) : String(value);
    case 'boolean':
      return value ? format.yes : format.no;
    case 'datetime':
      return formatDate(format.lang, String(value), true, format.timeZone);
    case 'date':
      return formatCalendarDate(format.lang, String(value));
    case 'geo_point_2d': {
      const point = value as { lat: number; lon: number };
      return `${point.lat}, ${point.lon}`;
    }
    case 'geo_shape': {
      const geometry = (value as { geometry?: { type?: string } }).geometry;
      return geometry?.type ?? '';
    }
    case 'file':
    case 'json_blob':
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return String(value);
  }
}
