// Reading ODS query parameters: single values, repeated values, integers and booleans,
// with ODS's InvalidRESTParameterError wording when a value is wrong.

import { PortalError } from '../core/errors.ts';

export type QueryValues = Record<string, string | string[] | undefined>;

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

/** The parameter's value; when repeated, the last one wins. */
export function single(query: QueryValues, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) return value[value.length - 1];
  return value;
}

/** Every value of a repeatable parameter (`where`, `refine`, `exclude`, `facet`). */
export function repeated(query: QueryValues, name: string): string[] {
  const value = query[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function integer(query: QueryValues, name: string): number | undefined {
  const raw = single(query, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^[+-]?\d{1,15}$/.test(raw.trim())) {
    throw invalid(`Invalid value for ${name} API parameter: "${raw}" is not an integer.`);
  }
  return Number(raw);
}

export function boolean(query: QueryValues, name: string, fallback: boolean): boolean {
  const raw = single(query, name);
  if (raw === undefined || raw === '') return fallback;
  const value = raw.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalid(
    `Invalid value for ${name} API parameter: "${raw}" is not a boolean (true or false).`,
  );
}
