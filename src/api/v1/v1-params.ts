// API v1 parameters turned into ODSQL: `sort` (descending by default, `-field` ascending),
// `geofilter.distance=lat,lon,metres`, `geofilter.polygon=(lat,lon),(lat,lon),…`, paging.

import type { FastifyRequest } from 'fastify';

import type { Field } from '../../core/field.ts';
import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { integer, single } from '../../http/query-params.ts';
import { odsqlName } from '../download/odsql-text.ts';

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

/** v1 sorts descending unless the field is prefixed with `-`: the opposite of v2.1. */
export function v1OrderBy(sort: string | undefined): string | undefined {
  if (sort === undefined || sort.trim() === '') return undefined;
  return sort
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) =>
      item.startsWith('-') ? `${odsqlName(item.slice(1))} asc` : `${odsqlName(item)} desc`,
    )
    .join(', ');
}

/** The query string, with a POST's form body over it (v1 clients POST long URLs). */
export function v1Parameters(request: FastifyRequest): QueryValues {
  const body =
    request.body && typeof request.body === 'object' ? (request.body as QueryValues) : {};
  return { ...(request.query as QueryValues), ...body };
}

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';

function geoField(fields: readonly Field[], parameter: string): Field {
  const field =
    fields.find((f) => f.type === 'geo_point_2d') ?? fields.find((f) => f.type === 'geo_shape');
  if (!field) throw invalid(`The ${parameter} API parameter needs a dataset with a geo field.`);
  return field;
}

/** The geofilter.* parameters as ODSQL conditions on the dataset's geo field. */
export function v1GeoFilters(query: QueryValues, fields: readonly Field[]): string[] {
  const conditions: string[] = [];
  const distance = single(query, 'geofilter.distance');
  if (distance !== undefined) {
    const match = new RegExp(
      `^\\s*${NUMBER}\\s*,\\s*${NUMBER}\\s*,\\s*(\\d+(?:\\.\\d+)?)\\s*$`,
    ).exec(distance);
    if (!match)
      throw invalid(
        'Invalid value for geofilter.distance API parameter: "lat,lon,metres" is expected.',
      );
    const field = odsqlName(geoField(fields, 'geofilter.distance').name);
    conditions.push(
      `within_distance(${field}, geom'POINT(${match[2]} ${match[1]})', ${match[3]}m)`,
    );
  }
  const polygon = single(query, 'geofilter.polygon');
  if (polygon !== undefined) {
    const points = [
      ...polygon.matchAll(new RegExp(`\\(\\s*${NUMBER}\\s*,\\s*${NUMBER}\\s*\\)`, 'g')),
    ].map((m) => `${m[2]} ${m[1]}`);
    if (points.length < 3) {
      throw invalid(
        'Invalid value for geofilter.polygon API parameter: "(lat,lon),(lat,lon),…" with 3 points or more is expected.',
      );
    }
    if (points[0] !== points[points.length - 1]) points.push(points[0] as string);
    const field = odsqlName(geoField(fields, 'geofilter.polygon').name);
    conditions.push(`within(${field}, geom'POLYGON((${points.join(', ')}))')`);
  }
  return conditions;
}

export const V1_MAX_WINDOW = 10_000;

/** `rows` (default 10) and `start`, with start + rows at most 10,000. */
export function v1Paging(query: QueryValues): { rows: number; start: number } {
  const rows = integer(query, 'rows') ?? 10;
  const start = integer(query, 'start') ?? 0;
  if (rows < 0) throw invalid(`Invalid value for rows API parameter: ${rows} is negative.`);
  if (start < 0) throw invalid(`Invalid value for start API parameter: ${start} is negative.`);
  if (start + rows > V1_MAX_WINDOW) {
    throw invalid(
      `Invalid values for start and rows API parameters: start + rows must be <= ${V1_MAX_WINDOW}.`,
    );
  }
  return { rows, start };
}
