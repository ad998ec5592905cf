// Which fields the map tab draws: the first geo_point_2d field, which the server can cluster,
// and the first geo_shape field, whose shapes are drawn record by record. A dataset with
// neither has no map tab.

import type { Field } from '../../../core/field.ts';

export interface MapFields {
  /** The geo_point_2d field clustered below POINTS_ZOOM, or null (shapes only). */
  point: string | null;
  /** The geo_shape field drawn for each record, or null (points only). */
  shape: string | null;
}

export function mapFields(fields: readonly Field[]): MapFields | null {
  const point = fields.find((f) => f.type === 'geo_point_2d')?.name ?? null;
  const shape = fields.find((f) => f.type === 'geo_shape')?.name ?? null;
  return point === null && shape === null ? null : { point, shape };
}
