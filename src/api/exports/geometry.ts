// The geometry of exported rows: the first geo column (a point or a shape) is the feature's
// geometry, the other columns its attributes. Geo formats need one among the selected fields.

import type { Geometry } from '../../core/cell.ts';
import { PortalError } from '../../core/errors.ts';
import type { Field } from '../../core/field.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import type { RecordsExport } from '../../records/index.ts';
import { renderValue } from '../../records/render.ts';

const isGeoType = (type: string) => type === 'geo_point_2d' || type === 'geo_shape';

export function geometryColumnIndex(data: RecordsExport): number {
  return data.columns.findIndex((c) => isGeoType(c.type));
}

/** Whether a dataset's fields allow the geo formats (listed only then). */
export function hasGeoField(fields: readonly Field[]): boolean {
  return fields.some((f) => isGeoType(f.type));
}

export function assertGeo(data: RecordsExport, format: string): void {
  if (geometryColumnIndex(data) < 0) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `The ${format} export needs a geo_point_2d or geo_shape field among the selected fields.`,
    });
  }
}

/** The row's geometry as GeoJSON (WGS 84 longitude/latitude), or null. */
export function rowGeometry(
  row: readonly unknown[],
  column: OutputColumn | undefined,
  timezone: string,
): Geometry | null {
  if (!column) return null;
  const value = renderValue(row, column, timezone);
  if (value && typeof value === 'object' && 'lon' in value && 'lat' in value) {
    return { type: 'Point', coordinates: [value.lon, value.lat] };
  }
  if (value && typeof value === 'object' && 'geometry' in value) {
    const geometry = value.geometry as Geometry | null;
    return geometry && typeof geometry === 'object' && 'type' in geometry ? geometry : null;
  }
  return null;
}

/** The geometry column and the attribute columns of an export (which must have one). */
export function splitColumns(data: RecordsExport): {
  geometry: OutputColumn | undefined;
  attributes: OutputColumn[];
} {
  const index = geometryColumnIndex(data);
  return { geometry: data.columns[index], attributes: data.columns.filter((_, i) => i !== index) };
}
