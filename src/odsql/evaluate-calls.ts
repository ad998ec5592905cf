// Function calls of the row evaluator: text and date functions, now(), the text predicates
// (search, suggest, startswith) and the point functions (distance, within_distance, in_bbox).

import type { Field } from '../core/field.ts';
import type { Call, Expr } from './ast.ts';
import { dateFormatter } from './date-format.ts';
import type { WallClock } from './dates.ts';
import { wallClock } from './dates.ts';
import type { RowContext } from './evaluate.ts';
import { cellOf, compileNode, infoOf, unsupported, valueAs } from './evaluate.ts';
import { fullText } from './evaluate-predicates.ts';
import type { Getter } from './evaluate-values.ts';
import { boundingBox, DISTANCE_UNITS } from './geometry.ts';
import { computeNow } from './now.ts';
import { odsqlError } from './errors.ts';
import { isField } from './analyze-scope.ts';

const DATE_PARTS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);

/** The wall clock of a stored date ('YYYY-MM-DD', read as is) or datetime (in the zone). */
function clockOf(value: unknown, type: string, timeZone: string): WallClock | null {
  if (type === 'date' && typeof value === 'string') {
    const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(ms) ? null : wallClock(ms, 'UTC');
  }
  return typeof value === 'number' && Number.isFinite(value) ? wallClock(value, timeZone) : null;
}

function textFunction(ctx: RowContext, node: Call, f: (s: string) => unknown): Getter {
  const arg = node.args[0] as Expr;
  if (infoOf(ctx, arg).multivalued) unsupported(ctx, `${node.name}() of a multivalued field`, arg);
  const value = compileNode(ctx, arg);
  return (row) => {
    const v = value(row);
    return typeof v === 'string' ? f(v) : null;
  };
}

export function compileRowCall(ctx: RowContext, node: Call): Getter {
  const name = node.name;
  if (DATE_PARTS.has(name)) {
    const arg = node.args[0] as Expr;
    const type = infoOf(ctx, arg).type;
    const value = compileNode(ctx, arg);
    const part = name as keyof WallClock;
    return (row) => clockOf(value(row), type, ctx.timeZone)?.[part] ?? null;
  }
  switch (name) {
    case 'length':
      return textFunction(ctx, node, (s) => [...s].length);
    case 'lower':
      return textFunction(ctx, node, (s) => s.toLowerCase());
    case 'upper':
      return textFunction(ctx, node, (s) => s.toUpperCase());
    case 'ifnull': {
      const [a, b] = node.args as [Expr, Expr];
      const value = compileNode(ctx, a);
      const fallback = valueAs(ctx, b, infoOf(ctx, a));
      return (row) => value(row) ?? fallback(row);
    }
    case 'date_format': {
      const [source, pattern] = node.args as [Expr, Expr];
      const format = dateFormatter(pattern.kind === 'StringLiteral' ? pattern.value : '');
      const type = infoOf(ctx, source).type;
      const value = compileNode(ctx, source);
      return (row) => {
        const clock = clockOf(value(row), type, ctx.timeZone);
        return clock ? format(clock, ctx.lang) : null;
      };
    }
    case 'now': {
      const args = new Map<string, number>();
      for (const arg of node.args) {
        if (arg.kind === 'NamedArgument' && arg.value.kind === 'NumberLiteral') {
          args.set(arg.name, arg.value.value);
        }
      }
      const ms = computeNow(ctx.now, args, ctx.timeZone);
      if (!Number.isFinite(ms)) throw odsqlError('now() is out of range', ctx.clause, node.start);
      return () => ms;
    }
    case 'search':
    case 'suggest':
      return fullText(
        ctx,
        searchText(node),
        searchFields(ctx, node),
        name === 'search' ? 'fuzzy' : 'all_prefix',
      );
    case 'startswith':
      return startsWith(ctx, node);
    case 'distance':
      return node.args.length === 3 ? withinDistance(ctx, node) : distanceTo(ctx, node);
    case 'within_distance':
      return withinDistance(ctx, node);
    case 'in_bbox':
      return inBbox(ctx, node);
    default:
      return unsupported(ctx, `${name}()`, node);
  }
}

function searchText(node: Call): string {
  const text = node.args[node.args.length - 1] as Expr;
  return text.kind === 'StringLiteral' ? text.value : '';
}

function searchFields(ctx: RowContext, node: Call): Field[] | null {
  const args = node.args.slice(0, -1);
  if (args.length === 0 || args[0]?.kind === 'Star') return null;
  const fields: Field[] = [];
  for (const arg of args) {
    const target = arg.kind === 'Identifier' ? ctx.analysis.resolved.get(arg) : undefined;
    if (isField(target)) fields.push(target);
  }
  return fields;
}

function startsWith(ctx: RowContext, node: Call): Getter {
  const prefix = searchText(node);
  const targets = (searchFields(ctx, node) ?? ctx.fields).filter((f) => f.type === 'text');
  const cells = targets.map((f) => cellOf(ctx, f));
  const test = (v: unknown): boolean =>
    typeof v === 'string'
      ? v.startsWith(prefix)
      : Array.isArray(v) && v.some((item) => typeof item === 'string' && item.startsWith(prefix));
  return (row) => cells.some((cell) => test(cell(row)));
}

/** The point of a geo_point_2d argument (shapes are not supported on one record). */
function pointCell(ctx: RowContext, node: Call): Getter {
  const arg = node.args[0] as Expr;
  if (infoOf(ctx, arg).type !== 'geo_point_2d') {
    unsupported(ctx, `${node.name}() of a geo_shape field`, arg);
  }
  return compileNode(ctx, arg);
}

function literalCentre(ctx: RowContext, node: Call): [number, number] {
  const literal = node.args[1];
  const geometry = literal?.kind === 'GeomLiteral' ? ctx.analysis.geometries.get(literal) : null;
  if (!geometry) throw odsqlError('Expected a geometry', ctx.clause, node.start, node.end);
  const [xmin, ymin, xmax, ymax] = boundingBox(geometry);
  return [(ymin + ymax) / 2, (xmin + xmax) / 2];
}

/** Great-circle distance in metres (the same sphere as the SQLite function). */
export function metresBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Point {
  lat: number;
  lon: number;
}

function distanceTo(ctx: RowContext, node: Call): Getter {
  const point = pointCell(ctx, node);
  const [lat, lon] = literalCentre(ctx, node);
  return (row) => {
    const p = point(row) as Point | null;
    return p ? metresBetween(p.lat, p.lon, lat, lon) : null;
  };
}

function withinDistance(ctx: RowContext, node: Call): Getter {
  const distance = distanceTo(ctx, node);
  const d = node.args[2];
  const metres = d?.kind === 'UnitLiteral' ? d.value * (DISTANCE_UNITS[d.unit] ?? 1) : 0;
  return (row) => {
    const value = distance(row);
    return typeof value === 'number' ? value <= metres : null;
  };
}

function inBbox(ctx: RowContext, node: Call): Getter {
  const point = pointCell(ctx, node);
  const n = node.args.slice(1).map((a) => (a.kind === 'NumberLiteral' ? a.value : 0));
  const [lat1 = 0, lon1 = 0, lat2 = 0, lon2 = 0] = n;
  const [south, north] = [Math.min(lat1, lat2), Math.max(lat1, lat2)];
  const [west, east] = [Math.min(lon1, lon2), Math.max(lon1, lon2)];
  return (row) => {
    const p = point(row) as Point | null;
    return p ? p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east : null;
  };
}
