// Turns raw rows from the store into Explore v2.1 JSON values, by output column type.

import type { OutputColumn } from '../odsql/index.ts';
import { formatInstant } from '../util/iso-time.ts';

export type JsonRecord = Record<string, unknown>;

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function renderDatetime(raw: unknown, timezone: string): unknown {
  if (typeof raw === 'number') return formatInstant(raw, timezone);
  if (typeof raw === 'bigint') return formatInstant(Number(raw), timezone);
  if (raw instanceof Date) return formatInstant(raw.getTime(), timezone);
  return raw;
}

function renderList(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw;
  const parsed = parseJson(raw);
  return Array.isArray(parsed) ? parsed : [String(parsed)];
}

/** Renders the value of one output column from a raw row. */
export function renderValue(
  row: readonly unknown[],
  column: OutputColumn,
  timezone: string,
): unknown {
  const first = row[column.positions[0] ?? 0];
  if (column.type === 'geo_point_2d') {
    const lat = first;
    const lon = row[column.positions[1] ?? 1];
    if (lat == null || lon == null) return null;
    return { lon: Number(lon), lat: Number(lat) };
  }
  if (first == null) return null;
  if (column.multivalued) return renderList(first);
  switch (column.type) {
    case 'int':
    case 'double':
      return typeof first === 'string' || typeof first === 'bigint' ? Number(first) : first;
    case 'boolean':
      return first === true || first === 1 || first === '1' || first === 't';
    case 'datetime':
      return renderDatetime(first, timezone);
    case 'date':
      return first instanceof Date ? first.toISOString().slice(0, 10) : first;
    case 'geo_shape':
      return { type: 'Feature', geometry: parseJson(first), properties: {} };
    case 'file':
    case 'json_blob':
      return parseJson(first);
    default:
      return first;
  }
}

/** Renders a whole row as a flat Explore v2.1 record object. */
export function renderRecord(
  row: readonly unknown[],
  columns: readonly OutputColumn[],
  timezone: string,
): JsonRecord {
  const record: JsonRecord = {};
  for (const column of columns) record[column.key] = renderValue(row, column, timezone);
  return record;
}
