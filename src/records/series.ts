// The series of API v1's analyze and geocluster (`y.<name>.func`, `y.<name>.expr`) as ODSQL
// aggregates: COUNT AVG SUM MIN MAX directly, SUMSQUARES as sum(e * e), STDDEV (population, as
// Elasticsearch computes it) from avg(e * e) and avg(e).

import { PortalError } from '../core/errors.ts';
import { parseSelect } from '../odsql/index.ts';
import type { JsonRecord } from './render.ts';

export const SERIE_FUNCTIONS = [
  'COUNT',
  'AVG',
  'SUM',
  'MIN',
  'MAX',
  'STDDEV',
  'SUMSQUARES',
] as const;
export type SerieFunction = (typeof SERIE_FUNCTIONS)[number];

export interface Serie {
  name: string;
  func: SerieFunction;
  /** A numeric ODSQL expression (a field, arithmetic); not needed by COUNT. */
  expr?: string;
  /** Each value adds the previous ones (analyze only). */
  cumulative?: boolean;
}

/** A serie's ODSQL select items (aliases `<prefix>N…`) and how to read its value back. */
export interface CompiledSerie {
  name: string;
  select: string[];
  /** An ODSQL order_by expression with the order of the serie's values. */
  order: string;
  value(row: JsonRecord): number | null;
}

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

/** The expression, checked to be one ODSQL expression (so it cannot reshape the select). */
function expression(serie: Serie): string {
  const text = serie.expr?.trim() ?? '';
  if (text === '') throw invalid(`The y.${serie.name}.expr API parameter is required.`);
  const entries = parseSelect(text);
  const only = entries[0];
  if (entries.length !== 1 || only?.kind !== 'SelectItem' || only.alias) {
    throw invalid(
      `Invalid value for y.${serie.name}.expr API parameter: one expression is expected.`,
    );
  }
  return `(${text})`;
}

const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function compileSerie(serie: Serie, alias: string): CompiledSerie {
  const name = serie.name;
  if (serie.func === 'COUNT') {
    return { name, select: [`count(*) as ${alias}`], order: alias, value: (r) => number(r[alias]) };
  }
  const e = expression(serie);
  if (serie.func === 'STDDEV') {
    const [squares, mean] = [`${alias}_sq`, `${alias}_m`];
    return {
      name,
      select: [`avg(${e} * ${e}) as ${squares}`, `avg(${e}) as ${mean}`],
      order: `${squares} - ${mean} * ${mean}`,
      value: (r) => {
        const sq = number(r[squares]);
        const m = number(r[mean]);
        return sq === null || m === null ? null : Math.sqrt(Math.max(0, sq - m * m));
      },
    };
  }
  const sql =
    serie.func === 'SUMSQUARES' ? `sum(${e} * ${e})` : `${serie.func.toLowerCase()}(${e})`;
  return { name, select: [`${sql} as ${alias}`], order: alias, value: (r) => number(r[alias]) };
}
