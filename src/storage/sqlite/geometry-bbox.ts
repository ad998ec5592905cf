// The bounding box of a GeoJSON geometry: [xmin, ymin, xmax, ymax] (longitudes, latitudes).

import type { Geometry } from '../../core/cell.ts';

export type BoundingBox = [number, number, number, number];

export function geometryBbox(geometry: Geometry): BoundingBox | null {
  const box: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  visitGeometry(geometry, box);
  return box[0] <= box[2] ? box : null;
}

function visitGeometry(geometry: Geometry, box: BoundingBox): void {
  if (geometry.geometries) {
    for (const child of geometry.geometries) visitGeometry(child, box);
  }
  visitCoordinates(geometry.coordinates, box);
}

function visitCoordinates(coordinates: unknown, box: BoundingBox): void {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return;
  const [x, y] = coordinates as unknown[];
  if (typeof x === 'number' && typeof y === 'number') {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return;
  }
  for (const child of coordinates) visitCoordinates(child, box);
}
