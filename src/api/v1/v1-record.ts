// API v1's record object: `{datasetid, recordid, fields, geometry, record_timestamp}`, with
// null fields left out, points as [lat, lon] and shapes as bare GeoJSON geometries.

import type { OutputColumn } from '../../odsql/index.ts';
import { renderValue } from '../../records/render.ts';

export interface V1Record {
  datasetid: string;
  recordid: string;
  fields: Record<string, unknown>;
  geometry?: unknown;
  record_timestamp: string;
}

function v1Value(value: unknown, column: OutputColumn): unknown {
  if (column.type === 'geo_point_2d' && value && typeof value === 'object' && 'lat' in value) {
    const point = value as { lat: number; lon: number };
    return [point.lat, point.lon];
  }
  if (column.type === 'geo_shape' && value && typeof value === 'object' && 'geometry' in value) {
    return (value as { geometry: unknown }).geometry;
  }
  return value;
}

function geometryOf(value: unknown, column: OutputColumn): unknown {
  if (column.type === 'geo_point_2d' && Array.isArray(value)) {
    return { type: 'Point', coordinates: [value[1], value[0]] };
  }
  return column.type === 'geo_shape' ? value : undefined;
}

export function v1Record(
  datasetId: string,
  row: readonly unknown[],
  columns: readonly OutputColumn[],
  recordIdPosition: number | undefined,
  timezone: string,
  recordTimestamp: string,
): V1Record {
  const fields: Record<string, unknown> = {};
  let geometry: unknown;
  for (const column of columns) {
    const value = v1Value(renderValue(row, column, timezone), column);
    if (value === null || value === undefined) continue;
    fields[column.key] = value;
    geometry ??= geometryOf(value, column);
  }
  return {
    datasetid: datasetId,
    recordid: String(recordIdPosition === undefined ? '' : row[recordIdPosition]),
    fields,
    ...(geometry === undefined ? {} : { geometry }),
    record_timestamp: recordTimestamp,
  };
}
