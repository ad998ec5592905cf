// The point of a geometry, as ODS gives every shape a geo_point_2d: the area-weighted centroid
// of polygons, the length-weighted middle of lines, the mean of points.

import type { GeoPoint, Geometry } from '../../core/cell.ts';

type Position = number[];

interface Weighted {
  x: number;
  y: number;
  weight: number;
}

function ringCentroid(ring: Position[]): Weighted {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] as Position;
    const [x1 = 0, y1 = 0] = ring[i] as Position;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (area === 0) return pointsCentroid(ring);
  return { x: x / (3 * area), y: y / (3 * area), weight: Math.abs(area) / 2 };
}

function pointsCentroid(points: Position[]): Weighted {
  let x = 0;
  let y = 0;
  for (const [px = 0, py = 0] of points) {
    x += px;
    y += py;
  }
  const n = points.length;
  return n === 0 ? { x: 0, y: 0, weight: 0 } : { x: x / n, y: y / n, weight: 0 };
}

function lineCentroid(line: Position[]): Weighted {
  let length = 0;
  let x = 0;
  let y = 0;
  for (let i = 1; i < line.length; i++) {
    const [x0 = 0, y0 = 0] = line[i - 1] as Position;
    const [x1 = 0, y1 = 0] = line[i] as Position;
    const segment = Math.hypot(x1 - x0, y1 - y0);
    length += segment;
    x += ((x0 + x1) / 2) * segment;
    y += ((y0 + y1) / 2) * segment;
  }
  return length === 0 ? pointsCentroid(line) : { x: x / length, y: y / length, weight: length };
}

/** The weighted mean of parts; parts of weight 0 count only when all are. */
function combine(parts: Weighted[]): Weighted | undefined {
  if (parts.length === 0) return undefined;
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  if (total === 0) return pointsCentroid(parts.map((part) => [part.x, part.y]));
  let x = 0;
  let y = 0;
  for (const part of parts) {
    x += part.x * part.weight;
    y += part.y * part.weight;
  }
  return { x: x / total, y: y / total, weight: total };
}

function centroidOf(geometry: Geometry): Weighted | undefined {
  const coordinates = geometry.coordinates as never;
  switch (geometry.type) {
    case 'Point':
      return pointsCentroid([coordinates]);
    case 'MultiPoint':
      return (coordinates as Position[]).length ? pointsCentroid(coordinates) : undefined;
    case 'LineString':
      return lineCentroid(coordinates);
    case 'MultiLineString':
      return combine((coordinates as Position[][]).map(lineCentroid));
    case 'Polygon':
      return (coordinates as Position[][])[0]
        ? ringCentroid((coordinates as Position[][])[0] as Position[])
        : undefined;
    case 'MultiPolygon':
      return combine(
        (coordinates as Position[][][])
          .filter((polygon) => polygon[0])
          .map((polygon) => ringCentroid(polygon[0] as Position[])),
      );
    case 'GeometryCollection':
      return combine(
        (geometry.geometries ?? [])
          .map(centroidOf)
          .filter((part): part is Weighted => part !== undefined),
      );
    default:
      return undefined;
  }
}

/** The geometry's point, or undefined when it has no coordinates. */
export function geometryPoint(geometry: Geometry): GeoPoint | undefined {
  const found = centroidOf(geometry);
  if (!found || !Number.isFinite(found.x) || !Number.isFinite(found.y)) return undefined;
  return { lat: found.y, lon: found.x };
}
