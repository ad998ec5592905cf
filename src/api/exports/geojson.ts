// The GeoJSON export: a FeatureCollection whose geometry is the first geo column (a point or a
// shape) and whose properties are the other columns.

import { PortalError } from '../../core/errors.ts';
import type { RecordsExport } from '../../records/index.ts';
import { renderValue } from '../../records/index.ts';

export function geometryColumnIndex(data: RecordsExport): number {
  return data.columns.findIndex((c) => c.type === 'geo_point_2d' || c.type === 'geo_shape');
}

export function assertGeo(data: RecordsExport, format: string): void {
  if (geometryColumnIndex(data) < 0) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `The ${format} export needs a geo_point_2d or geo_shape field among the selected fields.`,
    });
  }
}

export async function* writeGeoJson(data: RecordsExport): AsyncIterable<string> {
  const geoIndex = geometryColumnIndex(data);
  const geoColumn = data.columns[geoIndex];
  const others = data.columns.filter((_, i) => i !== geoIndex);
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const batch of data.rows) {
    const parts: string[] = [];
    for (const row of batch) {
      const value = geoColumn ? renderValue(row, geoColumn, data.timezone) : null;
      let geometry: unknown = null;
      if (value && typeof value === 'object' && 'lon' in value && 'lat' in value) {
        geometry = { type: 'Point', coordinates: [value.lon, value.lat] };
      } else if (value && typeof value === 'object' && 'geometry' in value) {
        geometry = value.geometry;
      }
      const properties: Record<string, unknown> = {};
      for (const column of others) properties[column.key] = renderValue(row, column, data.timezone);
      parts.push(JSON.stringify({ type: 'Feature', geometry, properties }));
    }
    if (parts.length === 0) continue;
    yield `${first ? '' : ','}${parts.join(',')}`;
    first = false;
  }
  yield ']}';
}
