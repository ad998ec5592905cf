// Scalar functions that SQLite lacks and compiled ODSQL uses (time zones, for one).
// Pure JavaScript: every SQLite connection that runs dataset queries registers them.

import { formatDate } from '../date-format.ts';
import type { WallClock } from '../dates.ts';
import { wallClock } from '../dates.ts';
import { bucketStart, intervalUnit, UNIT_MS } from '../intervals.ts';

export interface SqliteFunction {
  name: string;
  deterministic: boolean;
  varargs?: boolean;
  fn: (...args: never[]) => unknown;
}

type Num = number | bigint | null;

function num(value: Num): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'bigint' ? Number(value) : value;
}

/** The wall clock of a stored date ('YYYY-MM-DD') or datetime (epoch ms) in a time zone. */
function clockOf(value: string | Num, type: string, zone: string): WallClock | null {
  if (value === null || value === undefined) return null;
  if (type === 'date' && typeof value === 'string') {
    const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(ms) ? null : wallClock(ms, 'UTC');
  }
  const ms = num(value as Num);
  return ms === null || !Number.isFinite(ms) ? null : wallClock(ms, zone);
}

const PARTS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);

/** dg_datepart(ms, zone, part): a date part of an instant in a time zone. */
function datePart(ms: Num, zone: string, part: string): number | null {
  const clock = clockOf(ms, 'datetime', zone);
  if (!clock || !PARTS.has(part)) return null;
  return clock[part as keyof WallClock];
}

/** dg_date_format(value, 'date'|'datetime', pattern, zone, lang). */
function dateFormat(
  value: string | Num,
  type: string,
  pattern: string,
  zone: string,
  lang: string,
): string | null {
  const clock = clockOf(value, type, zone);
  return clock ? formatDate(pattern, clock, lang) : null;
}

/** dg_date_bucket(value, 'date'|'datetime', unit, count, zone): the start of its range() bucket. */
function dateBucket(value: string | Num, type: string, unit: string, count: Num, zone: string) {
  const n = num(count) ?? 1;
  const u = intervalUnit(unit);
  if (value === null || value === undefined || !u || !(n >= 1)) return null;
  if (type === 'date' && typeof value === 'string') {
    const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(ms)) return null;
    const small = (UNIT_MS[u] ?? Infinity) < 86400000;
    return new Date(bucketStart(ms, small ? 'day' : u, small ? 1 : n, 'UTC'))
      .toISOString()
      .slice(0, 10);
  }
  const ms = num(value as Num);
  return ms === null ? null : bucketStart(ms, u, n, zone);
}

/** dg_distance(lat1, lon1, lat2, lon2): great-circle distance in metres. */
function distance(lat1: Num, lon1: Num, lat2: Num, lon2: Num): number | null {
  const a = num(lat1);
  const b = num(lon1);
  const c = num(lat2);
  const d = num(lon2);
  if (a === null || b === null || c === null || d === null) return null;
  const rad = Math.PI / 180;
  const h =
    Math.sin(((c - a) * rad) / 2) ** 2 +
    Math.cos(a * rad) * Math.cos(c * rad) * Math.sin(((d - b) * rad) / 2) ** 2;
  return 12742000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** dg_percentile(json_group_array(x), fraction): linear-interpolated percentile. */
function percentile(json: string | null, fraction: number): number | null {
  if (json === null) return null;
  const values = (JSON.parse(json) as unknown[])
    .filter((v): v is number => typeof v === 'number')
    .sort((x, y) => x - y);
  if (values.length === 0) return null;
  const rank = fraction * (values.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lv = values[low] as number;
  return lv + ((values[high] as number) - lv) * (rank - low);
}

/** dg_random(key, seed): a pseudo-random number in [0, 1) stable for (key, seed). */
function random(key: unknown, seed: Num): number {
  const text = `${String(key)}\u0000${String(seed)}`;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

type Ring = number[][];

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as number[];
    const [xj = 0, yj = 0] = ring[j] as number[];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(x: number, y: number, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(x, y, outer) && !holes.some((h) => inRing(x, y, h));
}

const pointCache = new Map<string, { type: string; coordinates: unknown }>();

/** dg_point_in(lat, lon, geojson): 1 when the point lies in the (multi)polygon, else 0. */
function pointIn(lat: Num, lon: Num, geojson: string): number | null {
  const y = num(lat);
  const x = num(lon);
  if (x === null || y === null) return null;
  let geometry = pointCache.get(geojson);
  if (!geometry) {
    geometry = JSON.parse(geojson) as { type: string; coordinates: unknown };
    if (pointCache.size > 100) pointCache.clear();
    pointCache.set(geojson, geometry);
  }
  switch (geometry.type) {
    case 'Polygon':
      return inPolygon(x, y, geometry.coordinates as Ring[]) ? 1 : 0;
    case 'MultiPolygon':
      return (geometry.coordinates as Ring[][]).some((p) => inPolygon(x, y, p)) ? 1 : 0;
    case 'Point': {
      const [px, py] = geometry.coordinates as number[];
      return px === x && py === y ? 1 : 0;
    }
    default:
      return 0;
  }
}

/** dg_box_geojson(xmin, ymin, xmax, ymax): a GeoJSON polygon, or null without points. */
function boxGeoJson(xmin: Num, ymin: Num, xmax: Num, ymax: Num): string | null {
  const [a, b, c, d] = [num(xmin), num(ymin), num(xmax), num(ymax)];
  if (a === null || b === null || c === null || d === null) return null;
  const ring = [
    [a, b],
    [c, b],
    [c, d],
    [a, d],
    [a, b],
  ];
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

function cross(o: number[], a: number[], b: number[]): number {
  return (
    ((a[0] ?? 0) - (o[0] ?? 0)) * ((b[1] ?? 0) - (o[1] ?? 0)) -
    ((a[1] ?? 0) - (o[1] ?? 0)) * ((b[0] ?? 0) - (o[0] ?? 0))
  );
}

/** dg_convex_hull(json_group_array(json_array(lon, lat))): GeoJSON hull (monotone chain). */
function convexHull(json: string | null): string | null {
  if (json === null) return null;
  const points = (JSON.parse(json) as (number | null)[][])
    .filter((p) => typeof p[0] === 'number' && typeof p[1] === 'number')
    .map((p) => [p[0] as number, p[1] as number])
    .sort((p, q) => (p[0] as number) - (q[0] as number) || (p[1] as number) - (q[1] as number));
  const unique = points.filter(
    (p, i) => i === 0 || p[0] !== points[i - 1]?.[0] || p[1] !== points[i - 1]?.[1],
  );
  if (unique.length === 0) return null;
  if (unique.length === 1) return JSON.stringify({ type: 'Point', coordinates: unique[0] });
  const half = (list: number[][]): number[][] => {
    const out: number[][] = [];
    for (const p of list) {
      while (
        out.length >= 2 &&
        cross(out[out.length - 2] as number[], out[out.length - 1] as number[], p) <= 0
      ) {
        out.pop();
      }
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(unique), ...half([...unique].reverse())];
  if (hull.length < 3)
    return JSON.stringify({
      type: 'LineString',
      coordinates: [unique[0], unique[unique.length - 1]],
    });
  return JSON.stringify({ type: 'Polygon', coordinates: [[...hull, hull[0]]] });
}

/** dg_json_format(text[, fallback]): JSON text of the value, the fallback or the original. */
function jsonFormat(...args: (string | null)[]): string | null {
  const [text, fallback] = args;
  if (text === null || text === undefined) return null;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return JSON.stringify(args.length > 1 ? (fallback ?? null) : text);
  }
}

const lower = (s: string | null): string | null => (typeof s === 'string' ? s.toLowerCase() : s);
const upper = (s: string | null): string | null => (typeof s === 'string' ? s.toUpperCase() : s);

export const SQLITE_FUNCTIONS: readonly SqliteFunction[] = [
  { name: 'dg_datepart', deterministic: true, fn: datePart },
  { name: 'dg_date_format', deterministic: true, fn: dateFormat },
  { name: 'dg_date_bucket', deterministic: true, fn: dateBucket },
  { name: 'dg_distance', deterministic: true, fn: distance },
  { name: 'dg_percentile', deterministic: true, fn: percentile },
  { name: 'dg_random', deterministic: true, fn: random },
  { name: 'dg_point_in', deterministic: true, fn: pointIn },
  { name: 'dg_box_geojson', deterministic: true, fn: boxGeoJson },
  { name: 'dg_convex_hull', deterministic: true, fn: convexHull },
  { name: 'dg_json_format', deterministic: true, varargs: true, fn: jsonFormat },
  { name: 'dg_lower', deterministic: true, fn: lower },
  { name: 'dg_upper', deterministic: true, fn: upper },
];
