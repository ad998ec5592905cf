// The bounding box of a GeoJSON geometry, as [xmin, ymin, xmax, ymax] in its coordinate order
// (longitude, latitude). Null when the geometry holds no position.

import type { Geometry } from '../../core/cell.ts';

export type Bbox = [number, number, number, number];

export function bboxOf(geometry: Geometry): Bbox | null {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  extend(box, geometry);
  return box[0] > box[2] ? null : box;
}

function extend(box: Bbox, geometry: Geometry): void {
  for (const member of geometry.geometries ?? []) extend(box, member);
  walk(box, geometry.coordinates);
}

function walk(box: Bbox, coordinates: unknown): void {
  if (!Array.isArray(coordinates)) return;
  const [x, y] = coordinates as unknown[];
  if (typeof x === 'number' && typeof y === 'number') {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
    return;
  }
  for (const item of coordinates) walk(box, item);
}
