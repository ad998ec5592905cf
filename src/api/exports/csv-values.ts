// Cell text of the CSV dialect of ODS exports, by output type: points as "lat, lon", lists
// joined with the list separator, datetimes in the requested time zone, shapes as GeoJSON text.

import type { Geometry } from '../../core/cell.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { instantFormatter } from '../../util/iso-time.ts';
import type { Reprojection } from './epsg.ts';

/** JSON with ", " and ": " separators and sorted keys, as ODS writes geometries in CSV. */
export function spacedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spacedJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${spacedJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function parsed(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Characters that JSON escapes: a list text without them can be split without parsing. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const ESCAPED = /[\\\u0000-\u001f]/;

/**
 * A stored list (a JSON array) joined with `separator`. The usual shape, strings without escapes
 * (`["a","b"]`), is split directly: a string of it cannot hold a bare `"`, so a piece holding one
 * means another shape, which goes through JSON.parse.
 */
export function joinList(raw: unknown, separator: string): string {
  if (typeof raw === 'string' && raw.startsWith('["') && raw.endsWith('"]') && raw.length > 3) {
    if (!ESCAPED.test(raw)) {
      const pieces = raw.slice(2, -2).split('","');
      if (!pieces.some((piece) => piece.includes('"'))) return pieces.join(separator);
    }
  }
  if (raw === '[]') return '';
  const list = Array.isArray(raw) ? raw : parsed(raw);
  return Array.isArray(list) ? list.join(separator) : String(list);
}

/** Joined lists kept by a list column's formatter (forgotten all at once past this). */
const LIST_CACHE_LIMIT = 4096;

export type CellFormatter = (row: readonly unknown[]) => string;

/** Builds, once per export, the function that renders one column's cell from a raw row. */
export function csvCellFormatter(
  column: OutputColumn,
  timezone: string,
  listSeparator: string,
  reprojection?: Reprojection,
): CellFormatter {
  const [first = 0, second = 1] = column.positions;
  const moved = reprojection && !reprojection.identity ? reprojection : undefined;
  if (column.type === 'geo_point_2d') {
    return (row) => {
      const lat = row[first];
      const lon = row[second];
      if (lat == null || lon == null) return '';
      if (!moved) return `${Number(lat)}, ${Number(lon)}`;
      // Projected points keep the order of "lat, lon": northing, then easting.
      const [x, y] = moved.position(Number(lon), Number(lat));
      return `${y}, ${x}`;
    };
  }
  if (column.type === 'geo_shape' && moved) {
    return (row) => {
      const raw = row[first];
      return raw == null ? '' : spacedJson(moved.geometry(parsed(raw) as Geometry));
    };
  }
  if (column.multivalued) {
    // Lists repeat (categories, tags): a stored text already joined is looked up, not split.
    const joined = new Map<string, string>();
    return (row) => {
      const raw = row[first];
      if (raw == null) return '';
      if (typeof raw !== 'string') return joinList(raw, listSeparator);
      let text = joined.get(raw);
      if (text === undefined) {
        if (joined.size >= LIST_CACHE_LIMIT) joined.clear();
        text = joinList(raw, listSeparator);
        joined.set(raw, text);
      }
      return text;
    };
  }
  switch (column.type) {
    case 'datetime': {
      const format = instantFormatter(timezone);
      return (row) => {
        const raw = row[first];
        if (raw == null) return '';
        return typeof raw === 'number' ? format(raw) : String(raw);
      };
    }
    case 'boolean':
      return (row) => {
        const raw = row[first];
        if (raw == null) return '';
        return raw === true || raw === 1 ? 'true' : 'false';
      };
    case 'geo_shape':
    case 'json_blob':
    case 'file':
      return (row) => {
        const raw = row[first];
        return raw == null ? '' : spacedJson(parsed(raw));
      };
    default:
      return (row) => {
        const raw = row[first];
        if (typeof raw === 'string') return raw;
        return raw == null ? '' : String(raw);
      };
  }
}
