// The GeoJSON export's row encoder (a RowEncoding module, run in the reader threads): one
// Feature, whose geometry is the first geo column and whose properties are the others.

import type { RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { renderValue } from '../../records/render.ts';

export interface GeoJsonRowOptions {
  columns: OutputColumn[];
  timezone: string;
  /** Index in `columns` of the geometry column. */
  geoIndex: number;
}

export const GEOJSON_ROW_MODULE = import.meta.url;

export function createRowEncoder(options: GeoJsonRowOptions): RowEncoder {
  const { columns, timezone, geoIndex } = options;
  const geoColumn = columns[geoIndex];
  const others = columns.filter((_, i) => i !== geoIndex);
  return (row) => {
    const value = geoColumn ? renderValue(row, geoColumn, timezone) : null;
    let geometry: unknown = null;
    if (value && typeof value === 'object' && 'lon' in value && 'lat' in value) {
      geometry = { type: 'Point', coordinates: [value.lon, value.lat] };
    } else if (value && typeof value === 'object' && 'geometry' in value) {
      geometry = value.geometry;
    }
    const properties: Record<string, unknown> = {};
    for (const column of others) properties[column.key] = renderValue(row, column, timezone);
    return JSON.stringify({ type: 'Feature', geometry, properties });
  };
}
