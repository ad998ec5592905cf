// The analyze tab's chart, in its URL: `?type=column&x=<field>&granularity=month&y=count
// &yfield=<field>&series=<field>`, plus the table's filters (q, refine, exclude). Anything
// unknown falls back to a default that the dataset allows. A date field's precision
// (`timeserie_precision`, set in the schema editor) is its default time step, and no step finer
// than it is offered (hours and minutes chart by day, the finest step here).

import type { Field } from '../../../core/field.ts';
import { timeseriePrecision } from '../../../core/field.ts';
import type { ChartType } from '../../components/charts/chart-data.ts';
import { CHART_TYPES } from '../../components/charts/chart-data.ts';

export { CHART_TYPES, type ChartType };

export const GRANULARITIES = ['year', 'month', 'day'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const AGGREGATES = ['count', 'avg', 'sum', 'min', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export interface ChartSpec {
  type: ChartType;
  x: string;
  granularity: Granularity;
  y: Aggregate;
  /** The numeric field aggregated (not for count). */
  yField: string | null;
  /** A text field whose values split the chart into series. */
  series: string | null;
}

const isDate = (f: Field) => f.type === 'date' || f.type === 'datetime';
const isNumber = (f: Field) => f.type === 'int' || f.type === 'double';

/** Fields a chart can put on X: texts, numbers, booleans and dates. */
export function xFields(fields: readonly Field[]): Field[] {
  return fields.filter(
    (f) => f.type === 'text' || isDate(f) || isNumber(f) || f.type === 'boolean',
  );
}

export function numericFields(fields: readonly Field[]): Field[] {
  return fields.filter(isNumber);
}

export function seriesFields(fields: readonly Field[]): Field[] {
  return fields.filter((f) => f.type === 'text' || f.type === 'boolean');
}

/** The time steps a chart of `x` may take: none finer than its precision. */
export function granularitiesOf(x: Field): Granularity[] {
  const precision = timeseriePrecision(x);
  const finest: Granularity = precision === 'year' || precision === 'month' ? precision : 'day';
  return GRANULARITIES.slice(0, GRANULARITIES.indexOf(finest) + 1);
}

/** The step a chart of `x` takes by default: its precision where set, else the month. */
function defaultGranularity(x: Field): Granularity {
  const steps = granularitiesOf(x);
  return timeseriePrecision(x) === undefined ? 'month' : steps[steps.length - 1]!;
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The chart of a URL; null when the dataset has nothing to chart. */
export function readChartSpec(query: URLSearchParams, fields: readonly Field[]): ChartSpec | null {
  const xs = xFields(fields);
  if (xs.length === 0) return null;
  const byName = (name: string | null, among: Field[]) => among.find((f) => f.name === name);
  const defaultX =
    xs.find(isDate) ?? xs.find((f) => f.annotations['facet'] !== undefined) ?? xs[0]!;
  const x = byName(query.get('x'), xs) ?? defaultX;
  const numeric = numericFields(fields);
  const yField = byName(query.get('yfield'), numeric) ?? null;
  const y = yField ? pick(query.get('y'), AGGREGATES, 'count') : 'count';
  const series = byName(query.get('series'), seriesFields(fields));
  return {
    type: pick(query.get('type'), CHART_TYPES, isDate(x) ? 'line' : 'column'),
    x: x.name,
    granularity: pick(query.get('granularity'), granularitiesOf(x), defaultGranularity(x)),
    y,
    yField: y === 'count' ? null : yField!.name,
    series: series && series.name !== x.name ? series.name : null,
  };
}

export function chartParams(spec: ChartSpec): URLSearchParams {
  const params = new URLSearchParams({ type: spec.type, x: spec.x });
  params.append('granularity', spec.granularity);
  params.append('y', spec.y);
  if (spec.yField) params.append('yfield', spec.yField);
  if (spec.series) params.append('series', spec.series);
  return params;
}

const DATE_PATTERNS: Record<Granularity, string> = {
  year: 'yyyy',
  month: 'yyyy-MM',
  day: 'yyyy-MM-dd',
};

/** The ODSQL of the chart: one row per X value (and series), the measure as `y`. */
export function chartQuery(
  spec: ChartSpec,
  fields: readonly Field[],
): {
  select: string;
  groupBy: string;
  orderBy: string;
} {
  const xField = fields.find((f) => f.name === spec.x)!;
  const quoted = (name: string) => `\`${name}\``;
  const x = isDate(xField)
    ? `date_format(${quoted(spec.x)}, '${DATE_PATTERNS[spec.granularity]}')`
    : quoted(spec.x);
  const measure = spec.y === 'count' ? 'count(*)' : `${spec.y}(${quoted(spec.yField!)})`;
  const series = spec.series ? `, ${quoted(spec.series)} as series` : '';
  return {
    select: `${x} as x, ${measure} as y${series}`,
    groupBy: `x${spec.series ? ', series' : ''}`,
    orderBy: isDate(xField) || isNumber(xField) ? 'x' : 'y desc',
  };
}
