// Function calls: scalar functions, aggregates, geo predicates and ordering functions.

import { bboxColumns, latColumn, lonColumn } from '../../core/columns.ts';
import type { Field } from '../../core/field.ts';
import type { Call, Expr } from '../ast.ts';
import { odsqlError } from '../errors.ts';
import type { Geometry } from '../geometry.ts';
import { boundingBox, DISTANCE_UNITS } from '../geometry.ts';
import { computeNow } from '../now.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';
import type { DatePart, GeoRelation, TemporalType } from './dialect.ts';
import { compileExpr, fieldOf, infoOf, valueAs } from './expression.ts';
import { compileRange } from './range.ts';
import { compileRelevance } from './relevance.ts';
import { compileSearchCall } from './search.ts';
import { instantValue } from './temporal.ts';

const DATE_PARTS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);

export function compileCall(ctx: CompileContext, node: Call): string {
  const { dialect } = ctx;
  const arg = (i: number): string => compileExpr(ctx, node.args[i] as Expr);
  const name = node.name;
  if (DATE_PARTS.has(name)) {
    const type = temporalType(ctx, node.args[0] as Expr);
    return dialect.datePart(arg(0), type, name as DatePart, zoneParam(ctx, type));
  }
  switch (name) {
    case 'length':
      return dialect.length(arg(0));
    case 'lower':
      return dialect.lower(arg(0));
    case 'upper':
      return dialect.upper(arg(0));
    case 'ifnull':
      return `COALESCE(${arg(0)}, ${valueAs(ctx, node.args[1] as Expr, infoOf(ctx, node.args[0] as Expr))})`;
    case 'date_format': {
      const source = node.args[0] as Expr;
      const pattern = node.args[1] as Expr;
      const raw = pattern.kind === 'StringLiteral' ? pattern.value : '';
      const value = compileExpr(ctx, source);
      const type = temporalType(ctx, source);
      const zone =
        ctx.timeZone === 'UTC' || type === 'date' ? null : () => ctx.params.add(ctx.timeZone);
      return dialect.dateFormat(value, type, raw, ctx.lang, (v) => ctx.params.add(v), zone);
    }
    case 'now':
      return instantValue(ctx, nowInstant(ctx, node), 'datetime');
    case 'count':
      if (node.args[0]?.kind === 'Star') return 'count(*)';
      return `count(${node.distinct ? 'DISTINCT ' : ''}${arg(0)})`;
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return `${name}(${arg(0)})`;
    case 'median':
      return dialect.percentile(arg(0), ctx.params.add(0.5));
    case 'percentile': {
      const p = node.args[1];
      const value = p?.kind === 'NumberLiteral' ? p.value : 50;
      if (!(value > 0 && value <= 100)) {
        throw odsqlError('The percentile must be in ]0, 100]', 'select', node.start, node.end);
      }
      return dialect.percentile(arg(0), ctx.params.add(value / 100));
    }
    case 'random': {
      const seed = node.args[0];
      if (seed?.kind !== 'NumberLiteral') {
        ctx.volatile = true;
        return dialect.random('', null);
      }
      const key = ctx.rowKey();
      return dialect.random(key, ctx.params.add(seed.value));
    }
    // A cast, not a bare literal: PostgreSQL refuses a constant in ORDER BY.
    case 'relevance':
      return compileRelevance(ctx) ?? 'CAST(0 AS DOUBLE PRECISION)';
    case 'range':
      return compileRange(ctx, node);
    case 'bbox':
    case 'envelope':
      return geoAggregate(ctx, node);
    case 'json_format': {
      const fallback = node.args[1];
      const value = arg(0);
      if (fallback === undefined) return dialect.jsonFormat(value, null);
      const alt = fallback.kind === 'NullLiteral' ? 'NULL' : compileExpr(ctx, fallback);
      return dialect.jsonFormat(value, alt);
    }
    case 'search':
    case 'suggest':
    case 'startswith':
      return compileSearchCall(ctx, node);
    case 'distance':
      if (node.args.length === 3) return withinDistance(ctx, node);
      return distanceTo(ctx, geoField(ctx, node), geometryOf(ctx, node));
    case 'within_distance':
      return withinDistance(ctx, node);
    case 'in_bbox':
      return inBbox(ctx, node);
    case 'intersects':
    case 'disjoint':
    case 'within':
      return geoRelation(ctx, node, name);
    case 'polygon':
      return geoRelation(ctx, node, 'within');
    case 'geometry': {
      const mode = node.args[2];
      const relation = mode?.kind === 'Identifier' ? mode.name.toLowerCase() : 'intersects';
      return geoRelation(ctx, node, relation as GeoRelation);
    }
    default:
      throw odsqlError(`${name}() is not supported here`, 'select', node.start, node.end);
  }
}

function temporalType(ctx: CompileContext, node: Expr): TemporalType {
  return infoOf(ctx, node).type === 'date' ? 'date' : 'datetime';
}

/** A placeholder holding the query's time zone, or null for UTC and for dates (no zone). */
function zoneParam(ctx: CompileContext, type: TemporalType): string | null {
  return ctx.timeZone === 'UTC' || type === 'date' ? null : ctx.params.add(ctx.timeZone);
}

export function nowInstant(ctx: CompileContext, node: Call): number {
  const args = new Map<string, number>();
  for (const arg of node.args) {
    if (arg.kind === 'NamedArgument' && arg.value.kind === 'NumberLiteral') {
      args.set(arg.name, arg.value.value);
    }
  }
  ctx.volatile = true;
  const ms = computeNow(ctx.now, args, ctx.timeZone);
  // Years 1 to 9999: what both engines' date and timestamp types hold.
  if (!Number.isFinite(ms) || ms < -62135596800000 || ms > 253402300799999) {
    throw odsqlError('now() is out of range', 'where', node.start, node.end);
  }
  return ms;
}

function geoField(ctx: CompileContext, node: Call): Field {
  return fieldOf(ctx, node.args[0] as Expr) as Field;
}

function geometryOf(ctx: CompileContext, node: Call): Geometry {
  const literal = node.args[1];
  const geometry = literal?.kind === 'GeomLiteral' ? ctx.analysis.geometries.get(literal) : null;
  if (!geometry) throw odsqlError('Expected a geometry', 'where', node.start, node.end);
  return geometry;
}

/** The reference point of a geometry: a point's position, else its bounding-box centre. */
function centre(geometry: Geometry): [number, number] {
  const [xmin, ymin, xmax, ymax] = boundingBox(geometry);
  return [(ymin + ymax) / 2, (xmin + xmax) / 2];
}

/** SQL for the latitude/longitude of a geo field (a shape by its bounding-box centre). */
function fieldPosition(field: Field): [string, string] {
  if (field.type === 'geo_point_2d') {
    return [quoteIdent(latColumn(field.name)), quoteIdent(lonColumn(field.name))];
  }
  const [xmin, ymin, xmax, ymax] = bboxColumns(field.name).map(quoteIdent);
  return [`((${ymin} + ${ymax}) / 2)`, `((${xmin} + ${xmax}) / 2)`];
}

function distanceTo(ctx: CompileContext, field: Field, geometry: Geometry): string {
  const [lat, lon] = centre(geometry);
  const [fieldLat, fieldLon] = fieldPosition(field);
  const p = (v: number): string => ctx.dialect.numberParam(ctx.params.add(v), false);
  return ctx.dialect.distance(fieldLat, fieldLon, p(lat), p(lon));
}

function withinDistance(ctx: CompileContext, node: Call): string {
  const field = geoField(ctx, node);
  const geometry = geometryOf(ctx, node);
  const d = node.args[2];
  const metres = d?.kind === 'UnitLiteral' ? d.value * (DISTANCE_UNITS[d.unit] ?? 1) : 0;
  const distance = distanceTo(ctx, field, geometry);
  return `${distance} <= ${ctx.dialect.numberParam(ctx.params.add(metres), false)}`;
}

function inBbox(ctx: CompileContext, node: Call): string {
  const field = geoField(ctx, node);
  const n = node.args.slice(1).map((a) => (a.kind === 'NumberLiteral' ? a.value : 0));
  const [lat1 = 0, lon1 = 0, lat2 = 0, lon2 = 0] = n;
  return boxCondition(ctx, field, [
    Math.min(lon1, lon2),
    Math.min(lat1, lat2),
    Math.max(lon1, lon2),
    Math.max(lat1, lat2),
  ]);
}

/** The field's point (or bounding box) overlaps the box [xmin, ymin, xmax, ymax]. */
function boxCondition(ctx: CompileContext, field: Field, box: number[]): string {
  const p = (v: number | undefined): string =>
    ctx.dialect.numberParam(ctx.params.add(v ?? 0), false);
  if (field.type === 'geo_point_2d') {
    const lat = quoteIdent(latColumn(field.name));
    const lon = quoteIdent(lonColumn(field.name));
    return `(${lat} BETWEEN ${p(box[1])} AND ${p(box[3])} AND ${lon} BETWEEN ${p(box[0])} AND ${p(box[2])})`;
  }
  const [xmin, ymin, xmax, ymax] = bboxColumns(field.name).map(quoteIdent);
  return `(${xmin} <= ${p(box[2])} AND ${xmax} >= ${p(box[0])} AND ${ymin} <= ${p(box[3])} AND ${ymax} >= ${p(box[1])})`;
}

/** bbox() and envelope(): a GeoJSON polygon per group. */
function geoAggregate(ctx: CompileContext, node: Call): string {
  const field = geoField(ctx, node);
  if (field.type === 'geo_point_2d') {
    const lat = quoteIdent(latColumn(field.name));
    const lon = quoteIdent(lonColumn(field.name));
    const hull = node.name === 'envelope' ? ctx.dialect.convexHull(lat, lon) : null;
    if (hull !== null) return hull;
    return ctx.dialect.boxPolygon(`min(${lon})`, `min(${lat})`, `max(${lon})`, `max(${lat})`);
  }
  const [xmin, ymin, xmax, ymax] = bboxColumns(field.name).map(quoteIdent);
  return ctx.dialect.boxPolygon(`min(${xmin})`, `min(${ymin})`, `max(${xmax})`, `max(${ymax})`);
}

function geoRelation(ctx: CompileContext, node: Call, relation: GeoRelation): string {
  const field = geoField(ctx, node);
  const geometry = geometryOf(ctx, node);
  if (field.type === 'geo_point_2d') {
    const lat = quoteIdent(latColumn(field.name));
    const lon = quoteIdent(lonColumn(field.name));
    const bind = (): string => ctx.params.add(JSON.stringify(geometry));
    const exact = ctx.dialect.pointRelation(lat, lon, relation, bind);
    if (exact !== null) return exact;
  }
  const box = boxCondition(ctx, field, boundingBox(geometry));
  return relation === 'disjoint' ? `NOT ${box}` : box;
}
