// The catalogue of ODSQL functions: name, kind, arity, argument kinds, result type and the
// clauses that accept it. Data only: the analyzer checks calls against it, the compiler emits
// SQL per name, docs/odsql.md lists every entry.

import type { Clause } from './errors.ts';
import type { ValueType } from './types.ts';

export type FunctionKind = 'scalar' | 'aggregate' | 'predicate' | 'grouping' | 'ordering';

/**
 * What an argument may be: `number`, `text`, `temporal` (date/datetime), `geo` (geo_point_2d
 * or geo_shape field), `geo_point` (geo_point_2d field), `any`; literal-only kinds `string`,
 * `geom`, `distance`, `number_literal`; `fields` (a field or `*`, search functions);
 * `step` (range bounds: number, date literal or `*`); `width` (number or interval).
 */
export type ArgKind =
  | 'number'
  | 'text'
  | 'temporal'
  | 'geo'
  | 'geo_point'
  | 'any'
  | 'string'
  | 'geom'
  | 'distance'
  | 'number_literal'
  | 'fields'
  | 'step'
  | 'width';

export interface FunctionSpec {
  name: string;
  kind: FunctionKind;
  minArgs: number;
  maxArgs: number;
  /** Argument kinds by position; the last one repeats for variadic functions. */
  args: readonly ArgKind[];
  /** Result type; `arg0` = the type of the first argument. */
  returns: ValueType | 'arg0';
  clauses: readonly Clause[];
  signature: string;
  example: string;
}

const ALL: readonly Clause[] = ['select', 'where', 'group_by', 'order_by'];
const NOT_GROUP: readonly Clause[] = ['select', 'where', 'order_by'];
const WHERE: readonly Clause[] = ['where'];
const AGG: readonly Clause[] = ['select', 'order_by'];

const DATE_PART_EXAMPLES: Record<string, string> = {
  year: 'year(date_inspection) = 2019',
  month: 'month(date_inspection) = 3',
  day: 'day(date_inspection) = 22',
  hour: 'hour(created_at) >= 18',
  minute: 'minute(created_at) = 30',
  second: 'second(created_at) = 0',
};

const datePart = (name: string): FunctionSpec => ({
  name,
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  args: ['temporal'],
  returns: 'int',
  clauses: ALL,
  signature: `${name}(date|datetime) → int`,
  example: DATE_PART_EXAMPLES[name] ?? `${name}(date_inspection)`,
});

const search = (name: string, meaning: string): FunctionSpec => ({
  name,
  kind: 'predicate',
  minArgs: 1,
  maxArgs: 64,
  args: ['fields'],
  returns: 'boolean',
  clauses: WHERE,
  signature: `${name}([*|field, …,] "text") → condition: ${meaning}`,
  example: `${name}(app_libelle_etablissement, "boulang")`,
});

const aggregate = (name: string, args: ArgKind[], returns: ValueType | 'arg0', sig: string) => ({
  name,
  kind: 'aggregate' as const,
  minArgs: args.length,
  maxArgs: args.length,
  args,
  returns,
  clauses: AGG,
  signature: sig,
  example: `${name}(${args.length === 2 ? 'population, 90' : 'population'})`,
});

export const FUNCTIONS: readonly FunctionSpec[] = [
  // Scalar functions.
  {
    name: 'length',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    args: ['text'],
    returns: 'int',
    clauses: NOT_GROUP,
    signature: 'length(text) → int',
    example: 'length(name) > 10',
  },
  {
    name: 'lower',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    args: ['text'],
    returns: 'text',
    clauses: ALL,
    signature: 'lower(text) → text',
    example: "lower(city) = 'paris'",
  },
  {
    name: 'upper',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    args: ['text'],
    returns: 'text',
    clauses: ALL,
    signature: 'upper(text) → text',
    example: "upper(city) = 'PARIS'",
  },
  {
    name: 'ifnull',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    args: ['any', 'any'],
    returns: 'arg0',
    clauses: ALL,
    signature: 'ifnull(expr, alternative) → type of expr',
    example: "ifnull(city, 'unknown')",
  },
  ...['year', 'month', 'day', 'hour', 'minute', 'second'].map(datePart),
  {
    name: 'date_format',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    args: ['temporal', 'string'],
    returns: 'text',
    clauses: ALL,
    signature: "date_format(date|datetime, 'pattern') → text",
    example: "date_format(date_inspection, 'yyyy-MM')",
  },
  {
    name: 'json_format',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 2,
    args: ['text', 'any'],
    returns: 'json_blob',
    clauses: ['select'],
    signature:
      "json_format(text[, 'fallback'|null]) → JSON value (the fallback, or the text, when invalid)",
    example: "json_format(raw_json, 'bad json')",
  },
  {
    name: 'now',
    kind: 'scalar',
    minArgs: 0,
    maxArgs: 32,
    args: ['number_literal'],
    returns: 'datetime',
    clauses: NOT_GROUP,
    signature: 'now([unit=n, …]) → datetime',
    example: 'date_inspection > now(months=-6)',
  },
  {
    name: 'distance',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 3,
    args: ['geo', 'geom', 'distance'],
    returns: 'double',
    clauses: NOT_GROUP,
    signature:
      "distance(geo_field, geom'POINT(lon lat)') → double (metres); with a third distance argument, the v2.0 where predicate",
    example: "distance(geoloc, geom'POINT(2.35 48.85)')",
  },
  // Predicates (where only).
  search('search', 'every word, the last one as a prefix'),
  search('suggest', 'every word as a prefix'),
  search('startswith', 'the whole value starts with the text (case-sensitive)'),
  {
    name: 'within_distance',
    kind: 'predicate',
    minArgs: 3,
    maxArgs: 3,
    args: ['geo', 'geom', 'distance'],
    returns: 'boolean',
    clauses: WHERE,
    signature: "within_distance(geo_field, geom'POINT(lon lat)', distance) → condition",
    example: "within_distance(geoloc, geom'POINT(2.35 48.85)', 1km)",
  },
  {
    name: 'in_bbox',
    kind: 'predicate',
    minArgs: 5,
    maxArgs: 5,
    args: ['geo', 'number_literal'],
    returns: 'boolean',
    clauses: WHERE,
    signature: 'in_bbox(geo_field, lat1, lon1, lat2, lon2) → condition',
    example: 'in_bbox(geoloc, 48.8, 2.2, 48.9, 2.4)',
  },
  ...['intersects', 'disjoint', 'within', 'polygon'].map((name): FunctionSpec => ({
    name,
    kind: 'predicate',
    minArgs: 2,
    maxArgs: 2,
    args: ['geo', 'geom'],
    returns: 'boolean',
    clauses: WHERE,
    signature: `${name}(geo_field, geom'…') → condition${name === 'polygon' ? ' (v2.0 name of within)' : ''}`,
    example: `${name}(geoloc, geom'POLYGON((2.2 48.8, 2.4 48.8, 2.4 48.9, 2.2 48.8))')`,
  })),
  {
    name: 'geometry',
    kind: 'predicate',
    minArgs: 2,
    maxArgs: 3,
    args: ['geo', 'geom', 'any'],
    returns: 'boolean',
    clauses: WHERE,
    signature: "geometry(geo_field, geom'…'[, INTERSECTS|DISJOINT|WITHIN]) → condition (v2.0)",
    example: "geometry(geoloc, geom'POLYGON((2.2 48.8, 2.4 48.8, 2.4 48.9, 2.2 48.8))', WITHIN)",
  },
  // Aggregates (select and order_by).
  {
    name: 'count',
    kind: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    args: ['any'],
    returns: 'int',
    clauses: AGG,
    signature: 'count(*) | count(field) | count(distinct expr) → int',
    example: 'count(*)',
  },
  aggregate('sum', ['number'], 'arg0', 'sum(number) → int|double'),
  aggregate('avg', ['number'], 'double', 'avg(number) → double'),
  aggregate('min', ['any'], 'arg0', 'min(number|date|datetime|text) → same type'),
  aggregate('max', ['any'], 'arg0', 'max(number|date|datetime|text) → same type'),
  aggregate('median', ['number'], 'double', 'median(number) → double'),
  aggregate('percentile', ['number', 'number_literal'], 'double', 'percentile(number, p) → double'),
  {
    name: 'bbox',
    kind: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    args: ['geo'],
    returns: 'geo_shape',
    clauses: ['select'],
    signature: 'bbox(geo_point|geo_shape) → geo_shape (bounding box polygon)',
    example: 'bbox(geo_point_2d)',
  },
  {
    name: 'envelope',
    kind: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    args: ['geo_point'],
    returns: 'geo_shape',
    clauses: ['select'],
    signature: 'envelope(geo_point) → geo_shape (convex hull)',
    example: 'envelope(geo_point_2d)',
  },
  // Grouping functions (group_by).
  {
    name: 'range',
    kind: 'grouping',
    minArgs: 2,
    maxArgs: 64,
    args: ['any', 'step'],
    returns: 'text',
    /** In select and order_by only when the same expression is a group_by key. */
    clauses: ['group_by', 'select', 'order_by'],
    signature:
      "range(number|date, [*,] b1, b2, … [, *]) → text key '[b1, b2['; range(number, width) → bucket start; range(date, 1 day) → bucket start",
    example: 'range(population, *, 1000, 10000, *)',
  },
  {
    name: 'geo_cluster',
    kind: 'grouping',
    minArgs: 2,
    maxArgs: 3,
    args: ['geo_point', 'number_literal', 'number_literal'],
    returns: 'geo_point_2d',
    clauses: ['group_by', 'select'],
    signature:
      'geo_cluster(geo_point, zoom 0..25[, radius px = 40]) → geo_point_2d (centroid of the cluster)',
    example: 'geo_cluster(geo_point_2d, 10)',
  },
  // Ordering functions.
  {
    name: 'random',
    kind: 'ordering',
    minArgs: 0,
    maxArgs: 1,
    args: ['number_literal'],
    returns: 'double',
    clauses: ['order_by'],
    signature: 'random([seed]) → double (stable order per seed)',
    example: 'random(42)',
  },
  {
    name: 'relevance',
    kind: 'ordering',
    minArgs: 0,
    maxArgs: 0,
    args: [],
    returns: 'double',
    clauses: ['select', 'order_by'],
    signature:
      'relevance() → double (full-text score of the where clauses, 0 without; sorts descending)',
    example: 'relevance()',
  },
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function findFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name);
}
