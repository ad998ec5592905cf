// GeoJSON geometries as ESRI shapefile record contents (the .shp format, 2D): points,
// multipoints, polylines and polygons, with outer rings clockwise and holes counter-clockwise
// as the format requires (GeoJSON winds them the other way).

import type { Geometry } from '../../../core/cell.ts';

export type ShapeFamily = 'point' | 'multipoint' | 'polyline' | 'polygon';

/** The shape type codes of the format; 0 is the null shape. */
export const SHAPE_TYPE: Record<ShapeFamily | 'null', number> = {
  null: 0,
  point: 1,
  polyline: 3,
  polygon: 5,
  multipoint: 8,
};

export type BBox = [number, number, number, number];

export interface EncodedShape {
  family: ShapeFamily;
  /** The record content, without its 8-byte record header. */
  content: Buffer;
  bbox: BBox;
}

type Position = [number, number];

function positions(value: unknown): Position[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((p): p is unknown[] => Array.isArray(p) && p.length >= 2)
    .map((p) => [Number(p[0]), Number(p[1])]);
}

function bboxOf(points: Position[]): BBox {
  let [xmin, ymin, xmax, ymax] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    if (x < xmin) xmin = x;
    if (y < ymin) ymin = y;
    if (x > xmax) xmax = x;
    if (y > ymax) ymax = y;
  }
  return [xmin, ymin, xmax, ymax];
}

/** Twice the signed area: positive when the ring turns counter-clockwise (y pointing up). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function wound(ring: Position[], clockwise: boolean): Position[] {
  const ccw = signedArea(ring) > 0;
  return ccw === clockwise ? [...ring].reverse() : ring;
}

function writeBox(buffer: Buffer, offset: number, bbox: BBox): void {
  bbox.forEach((v, i) => buffer.writeDoubleLE(v, offset + i * 8));
}

function pointShape([x, y]: Position): EncodedShape {
  const content = Buffer.alloc(20);
  content.writeInt32LE(SHAPE_TYPE.point, 0);
  content.writeDoubleLE(x, 4);
  content.writeDoubleLE(y, 12);
  return { family: 'point', content, bbox: [x, y, x, y] };
}

function multipointShape(points: Position[]): EncodedShape {
  const bbox = bboxOf(points);
  const content = Buffer.alloc(40 + 16 * points.length);
  content.writeInt32LE(SHAPE_TYPE.multipoint, 0);
  writeBox(content, 4, bbox);
  content.writeInt32LE(points.length, 36);
  points.forEach(([x, y], i) => {
    content.writeDoubleLE(x, 40 + i * 16);
    content.writeDoubleLE(y, 48 + i * 16);
  });
  return { family: 'multipoint', content, bbox };
}

function partsShape(family: 'polyline' | 'polygon', parts: Position[][]): EncodedShape {
  const all = parts.flat();
  const bbox = bboxOf(all);
  const pointsAt = 44 + 4 * parts.length;
  const content = Buffer.alloc(pointsAt + 16 * all.length);
  content.writeInt32LE(SHAPE_TYPE[family], 0);
  writeBox(content, 4, bbox);
  content.writeInt32LE(parts.length, 36);
  content.writeInt32LE(all.length, 40);
  let start = 0;
  parts.forEach((part, i) => {
    content.writeInt32LE(start, 44 + i * 4);
    start += part.length;
  });
  all.forEach(([x, y], i) => {
    content.writeDoubleLE(x, pointsAt + i * 16);
    content.writeDoubleLE(y, pointsAt + 8 + i * 16);
  });
  return { family, content, bbox };
}

function polygonRings(coordinates: unknown): Position[][] {
  if (!Array.isArray(coordinates)) return [];
  return coordinates
    .map(positions)
    .filter((ring) => ring.length >= 4)
    .map((ring, i) => wound(ring, i === 0));
}

/** The shape of a geometry, or null for an empty one or a GeometryCollection. */
export function encodeShape(geometry: Geometry): EncodedShape | null {
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point': {
      const [point] = positions([c]);
      return point ? pointShape(point) : null;
    }
    case 'MultiPoint': {
      const points = positions(c);
      return points.length > 0 ? multipointShape(points) : null;
    }
    case 'LineString': {
      const line = positions(c);
      return line.length >= 2 ? partsShape('polyline', [line]) : null;
    }
    case 'MultiLineString': {
      const lines = Array.isArray(c) ? c.map(positions).filter((l) => l.length >= 2) : [];
      return lines.length > 0 ? partsShape('polyline', lines) : null;
    }
    case 'Polygon': {
      const rings = polygonRings(c);
      return rings.length > 0 ? partsShape('polygon', rings) : null;
    }
    case 'MultiPolygon': {
      const rings = Array.isArray(c) ? c.flatMap(polygonRings) : [];
      return rings.length > 0 ? partsShape('polygon', rings) : null;
    }
    default:
      return null;
  }
}

/** The content of a null shape record. */
export const NULL_SHAPE = Buffer.from([0, 0, 0, 0]);
