// The GeoJSON export: a FeatureCollection whose geometry is the first geo column (a point or a
// shape) and whose properties are the other columns (geojson-row.ts, in the reader threads).

import { PortalError } from '../../core/errors.ts';
import type { RecordsExport } from '../../records/index.ts';
import type { GeoJsonRowOptions } from './geojson-row.ts';
import { GEOJSON_ROW_MODULE } from './geojson-row.ts';
import type { TextBody } from './text-body.ts';

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

export function geoJsonText(data: RecordsExport): TextBody {
  const options: GeoJsonRowOptions = {
    columns: data.columns,
    timezone: data.timezone,
    geoIndex: geometryColumnIndex(data),
  };
  return {
    head: '{"type":"FeatureCollection","features":[',
    encoding: { module: GEOJSON_ROW_MODULE, options, separator: ',', terminator: '' },
    tail: ']}',
  };
}
