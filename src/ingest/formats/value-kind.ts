// What a value read from a typed format (JSON, XLSX, Parquet, DBF) is, for inference and
// conversion: these formats carry numbers, booleans, dates and objects, not just text.

import type { GeoPoint, Geometry } from '../../core/cell.ts';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export function isGeometry(value: unknown): value is Geometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates, geometries } = value as Record<string, unknown>;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) return false;
  return type === 'GeometryCollection' ? Array.isArray(geometries) : Array.isArray(coordinates);
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}

/** `{lat, lon}` (how our JSON exports write points) or a GeoJSON Point, as a point. */
export function asGeoPoint(value: unknown): GeoPoint | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { lat, lon, type, coordinates } = value as Record<string, unknown>;
  if (isCoordinate(lat, 90) && isCoordinate(lon, 180)) return { lat, lon };
  if (type === 'Point' && Array.isArray(coordinates)) {
    const [x, y] = coordinates as unknown[];
    if (isCoordinate(y, 90) && isCoordinate(x, 180)) return { lat: y, lon: x };
  }
  return undefined;
}

export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A valid Date at midnight UTC (spreadsheets and Parquet DATE columns give these for days). */
export function isMidnightUtc(value: Date): boolean {
  return value.getTime() % 86400000 === 0;
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** The text a CSV file would hold for a scalar value. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (isValidDate(value)) {
    const iso = value.toISOString();
    return isMidnightUtc(value) ? iso.slice(0, 10) : iso;
  }
  return JSON.stringify(value) ?? '';
}

export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}
