// The GeoJSON export: a FeatureCollection whose geometry is the first geo column (a point or a
// shape) and whose properties are the other columns. With `epsg` other than 4326, coordinates
// are projected and the collection names its system in a `crs` member (as GDAL writes it).

import type { RecordsExport } from '../../records/index.ts';
import { renderValue } from '../../records/index.ts';
import type { Reprojection } from './epsg.ts';
import { rowGeometry, splitColumns } from './geometry.ts';

export async function* writeGeoJson(
  data: RecordsExport,
  reprojection?: Reprojection,
): AsyncIterable<string> {
  const { geometry: geoColumn, attributes } = splitColumns(data);
  const crs =
    reprojection && !reprojection.identity
      ? `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${reprojection.epsg}"}},`
      : '';
  yield `{"type":"FeatureCollection",${crs}"features":[`;
  let first = true;
  for await (const batch of data.rows) {
    const parts: string[] = [];
    for (const row of batch) {
      const found = rowGeometry(row, geoColumn, data.timezone);
      const geometry = found && reprojection ? reprojection.geometry(found) : found;
      const properties: Record<string, unknown> = {};
      for (const column of attributes) {
        properties[column.key] = renderValue(row, column, data.timezone);
      }
      parts.push(JSON.stringify({ type: 'Feature', geometry, properties }));
    }
    if (parts.length === 0) continue;
    yield `${first ? '' : ','}${parts.join(',')}`;
    first = false;
  }
  yield ']}';
}
