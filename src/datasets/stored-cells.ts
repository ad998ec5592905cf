// A stored row, as the engine's `query` and `stream` give it back (raw values by column kind,
// see storage/engine.ts), turned back into the typed cells a version writer takes.

import type { CellValue } from '../core/cell.ts';
import type { OutputColumn } from '../odsql/index.ts';

function parsedJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function epochMillis(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (raw instanceof Date) return raw.getTime();
  const parsed = Date.parse(String(raw));
  return Number.isNaN(parsed) ? null : parsed;
}

/** The typed cell of one field (output column of a `select *`) in a raw row. */
export function storedCell(row: readonly unknown[], column: OutputColumn): CellValue {
  const first = row[column.positions[0] ?? 0];
  if (column.type === 'geo_point_2d') {
    const lon = row[column.positions[1] ?? 1];
    return first == null || lon == null ? null : { lat: Number(first), lon: Number(lon) };
  }
  if (first == null) return null;
  if (column.multivalued) {
    const list = Array.isArray(first) ? first : parsedJson(first);
    return Array.isArray(list) ? list.map(String) : [String(list)];
  }
  switch (column.type) {
    case 'int':
    case 'double':
      return Number(first);
    case 'boolean':
      return first === true || first === 1 || first === '1' || first === 't';
    case 'datetime':
      return epochMillis(first);
    case 'date':
      return first instanceof Date ? first.toISOString().slice(0, 10) : String(first);
    case 'geo_shape':
    case 'file':
    case 'json_blob':
      return parsedJson(first);
    default:
      return typeof first === 'string' ? first : String(first);
  }
}
