// The ODSQL of one facet's counts: the values of a field (a date by year, month and day) and
// how many records hold each. The facets service adds the request's filters; a version's commit
// runs it without any to keep the whole dataset's counts (docs/performance.md, "Result cache").

import type { Field } from './field.ts';
import { hasAnnotation } from './field.ts';

/**
 * The time zones a commit counts date facets in: the API's default and the site's (its dataset
 * pages use the dataset's zone, Europe/Paris unless its metadata says otherwise).
 */
export const SUMMARY_TIME_ZONES = ['UTC', 'Europe/Paris'] as const;

/** The most values one facet query returns. */
export const FACET_GROUPS_LIMIT = 20_000;

/** Geometries and files have no values to count. */
export function isFacetable(field: Field): boolean {
  return field.type !== 'geo_point_2d' && field.type !== 'geo_shape' && field.type !== 'file';
}

/** The fields annotated `facet`: the facets answered when none is asked for. */
export function annotatedFacetFields(fields: readonly Field[]): Field[] {
  return fields.filter((f) => hasAnnotation(f, 'facet'));
}

export function isDateFacet(field: Field): boolean {
  return field.type === 'date' || field.type === 'datetime';
}

/**
 * The select and group_by of the field's counts: a date's rows are `[y, m, d, n]`, any other
 * field's `[v, n]`.
 */
export function facetClauses(field: Field): { select: string; groupBy: string } {
  const name = `\`${field.name}\``;
  if (isDateFacet(field)) {
    return {
      select: `year(${name}) as y, month(${name}) as m, day(${name}) as d, count(*) as n`,
      groupBy: `year(${name}), month(${name}), day(${name})`,
    };
  }
  return { select: `${name} as v, count(*) as n`, groupBy: name };
}
