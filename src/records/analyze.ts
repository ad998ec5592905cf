// API v1's analyze: the records grouped by the values of a field `x` (a date field by periods),
// with series of aggregates, through one ODSQL aggregation query.

import type { CatalogService } from '../catalog/index.ts';
import type { Field } from '../core/field.ts';
import { timeseriePrecision } from '../core/field.ts';
import { PortalError } from '../core/errors.ts';
import type { RecordsRequest, RecordsService } from './records-service.ts';
import type { Serie } from './series.ts';
import { compileSerie } from './series.ts';

export type DateLevel = 'year' | 'month' | 'week' | 'weekday' | 'day' | 'hour' | 'minute';
const PERIODIC: readonly string[] = ['year', 'month', 'week', 'weekday', 'day', 'hour', 'minute'];
const PRECISION: readonly string[] = ['year', 'month', 'week', 'day', 'hour', 'minute'];

export interface AnalyzeRequest extends Pick<
  RecordsRequest,
  'datasetId' | 'viewer' | 'where' | 'refine' | 'exclude' | 'qv1' | 'timezone'
> {
  x: string;
  series: Serie[];
  periodic?: string;
  precision?: string;
  /** `x` or a serie name: descending; `-x`, `-name`: ascending; default x ascending. */
  sort?: string;
  maxpoints?: number;
}

export type AnalyzePoint = Record<string, unknown>;

/** At most as many points as ODS gives groups in v2.1. */
export const MAX_POINTS = 20_000;

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

function quoted(name: string): string {
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
}

/** One part of the x key: its JSON key, its ODSQL expression, and the fix of its value. */
interface XPart {
  key: string;
  expr: string;
  /** date_format() gives text: parts read as numbers; weekday counts from 0 (Monday). */
  read: (value: unknown) => unknown;
}

const asInt = (shift: number) => (value: unknown) =>
  value === null || value === undefined ? null : Number(value) - shift;

function datePart(level: DateLevel | 'weekyear', x: string): XPart {
  switch (level) {
    case 'week':
      return { key: 'week', expr: `date_format(${x}, 'w')`, read: asInt(0) };
    case 'weekyear':
      return { key: 'year', expr: `date_format(${x}, 'xxxx')`, read: asInt(0) };
    case 'weekday':
      return { key: 'weekday', expr: `date_format(${x}, 'e')`, read: asInt(1) };
    default:
      return { key: level, expr: `${level}(${x})`, read: asInt(0) };
  }
}

/**
 * The precision asked, or the field's own (`timeserie_precision`) when that is coarser: steps
 * finer than the values hold would only split nothing (a week of a field precise to the month).
 */
function boundedByField(field: Field, precision: string): string {
  const own = timeseriePrecision(field);
  if (own === undefined) return precision;
  return PRECISION.indexOf(precision) > PRECISION.indexOf(own) ? own : precision;
}

/** The parts of x: the value itself, or date parts by `periodic` and `precision`. */
function xParts(field: Field, request: AnalyzeRequest): XPart[] | null {
  const x = quoted(field.name);
  if (field.type !== 'date' && field.type !== 'datetime') return null;
  const periodic = request.periodic ?? 'year';
  if (!PERIODIC.includes(periodic)) {
    throw invalid(
      `Invalid value for periodic API parameter: "${periodic}" is not one of ${PERIODIC.join(', ')}.`,
    );
  }
  // A periodic level other than year folds time onto that one cycle (months across years…).
  if (periodic !== 'year') return [datePart(periodic as DateLevel, x)];
  let precision = request.precision ?? 'day';
  if (!PRECISION.includes(precision)) {
    throw invalid(
      `Invalid value for precision API parameter: "${precision}" is not one of ${PRECISION.join(', ')}.`,
    );
  }
  if (field.type === 'date' && (precision === 'hour' || precision === 'minute')) precision = 'day';
  precision = boundedByField(field, precision);
  if (precision === 'week') return [datePart('weekyear', x), datePart('week', x)];
  const levels: DateLevel[] = ['year', 'month', 'day', 'hour', 'minute'];
  return levels.slice(0, levels.indexOf(precision as DateLevel) + 1).map((l) => datePart(l, x));
}

export async function analyzeRecords(
  records: RecordsService,
  catalog: CatalogService,
  request: AnalyzeRequest,
): Promise<AnalyzePoint[]> {
  const dataset = await catalog.getDataset(request.datasetId, request.viewer);
  const fields = dataset.current?.fields ?? [];
  const field = fields.find((f) => f.name === request.x);
  if (!field) {
    if (request.x === '') throw invalid('The x API parameter is required.');
    throw invalid(`Invalid value for x API parameter: unknown field "${request.x}".`);
  }
  const maxpoints = request.maxpoints ?? MAX_POINTS;
  if (!(maxpoints >= 0))
    throw invalid('Invalid value for maxpoints API parameter: it is negative.');
  const parts = xParts(field, request);
  const xKeys = parts ? parts.map((_, i) => `dg_x${i}`) : ['dg_x0'];
  const groupBy = parts
    ? parts.map((p, i) => `${p.expr} as ${xKeys[i]}`)
    : [`${quoted(field.name)} as dg_x0`];
  const series = request.series.map((s, i) => compileSerie(s, `dg_s${i}`));
  const orderBy = sortOrder(request.sort, xKeys, series);
  const page = await records.queryRecords({
    datasetId: request.datasetId,
    viewer: request.viewer,
    select: [...xKeys, ...series.flatMap((s) => s.select)].join(', '),
    where: [...(request.where ?? []), `${quoted(field.name)} is not null`],
    groupBy: groupBy.join(', '),
    orderBy,
    refine: request.refine,
    exclude: request.exclude,
    qv1: request.qv1,
    timezone: request.timezone,
    limit: Math.min(maxpoints, MAX_POINTS),
  });
  const totals = new Map<string, number>();
  return page.results.map((row) => {
    const point: AnalyzePoint = {
      x: parts
        ? Object.fromEntries(parts.map((p, i) => [p.key, p.read(row[xKeys[i] as string])]))
        : row['dg_x0'],
    };
    for (const [i, serie] of series.entries()) {
      let value = serie.value(row);
      if (request.series[i]?.cumulative && value !== null) {
        value += totals.get(serie.name) ?? 0;
        totals.set(serie.name, value);
      }
      point[serie.name] = value;
    }
    return point;
  });
}

/** The ODSQL order_by of `sort`: x or a serie, descending unless prefixed with `-`. */
function sortOrder(
  sort: string | undefined,
  xKeys: string[],
  series: { name: string; order: string }[],
): string {
  const byX = (direction: string) => xKeys.map((k) => `${k} ${direction}`).join(', ');
  const text = sort?.trim() ?? '';
  if (text === '') return byX('asc');
  const ascending = text.startsWith('-');
  const name = ascending ? text.slice(1) : text;
  const direction = ascending ? 'asc' : 'desc';
  if (name === 'x') return byX(direction);
  const serie = series.find((s) => s.name === name);
  if (!serie) {
    throw invalid(`Invalid value for sort API parameter: "${name}" is neither x nor a serie.`);
  }
  return `${serie.order} ${direction}, ${byX('asc')}`;
}
