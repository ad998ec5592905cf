// The GeoJSON export: a FeatureCollection whose geometry is the first geo column (a point or a
// shape) and whose properties are the other columns (geojson-row.ts, in the reader threads).
// With `epsg` other than 4326, coordinates are projected and the collection names its system
// in a `crs` member (as GDAL writes it).

import type { RecordsExport } from '../../records/index.ts';
import type { Reprojection } from './epsg.ts';
import type { GeoJsonRowOptions } from './geojson-row.ts';
import { GEOJSON_ROW_MODULE, propertyColumns } from './geojson-row.ts';
import { jsonRuns } from './json-row.ts';
import { jsonLinesOf } from './json-lines.ts';
import { geometryColumnIndex } from './geometry.ts';
import type { TextBody } from './text-body.ts';

export function geoJsonText(data: RecordsExport, reprojection?: Reprojection): TextBody {
  const projected = reprojection && !reprojection.identity ? reprojection.epsg : undefined;
  const options: GeoJsonRowOptions = {
    columns: data.columns,
    timezone: data.timezone,
    geoIndex: geometryColumnIndex(data),
    ...(projected ? { epsg: projected } : {}),
  };
  // Runs of text properties SQLite may write as JSON members (RowEncoding.joined), or whole
  // features when the geometry is a stored point written as it is (RowEncoding.jsonLines).
  const properties = propertyColumns(options);
  const joined = jsonRuns(properties);
  const geometry = data.columns[options.geoIndex];
  const lines =
    !projected && geometry?.type === 'geo_point_2d' && geometry.field === true
      ? jsonLinesOf(properties, data.timezone)
      : undefined;
  const [lat = 0, lon = 1] = geometry?.positions ?? [];
  const crs = projected
    ? `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${projected}"}},`
    : '';
  return {
    head: `{"type":"FeatureCollection",${crs}"features":[`,
    encoding: {
      module: GEOJSON_ROW_MODULE,
      options,
      separator: ',',
      terminator: '',
      ...(joined ? { joined: { ...joined, options: { ...options, joined } } } : {}),
      ...(lines && geometry
        ? { jsonLines: { ...lines, feature: { lat, lon, column: geometry.key } } }
        : {}),
    },
    tail: ']}',
  };
}
