// Facets of a dataset (GET …/facets): for each facet field, its values and their counts under
// the request's filters. A disjunctive facet ignores its own refines, so its other values stay
// visible and selectable. Built on the ODSQL compiler: one grouped query per facet.

import type { Viewer } from '../core/access.ts';
import type { Dataset } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { Field } from '../core/field.ts';
import { hasAnnotation } from '../core/field.ts';
import {
  FACET_GROUPS_LIMIT,
  annotatedFacetFields,
  facetClauses,
  isDateFacet,
  isFacetable,
} from '../core/facet-query.ts';
import type { CompiledQuery, DialectName } from '../odsql/index.ts';
import { compileRecordsQuery, parseFacetFilter, translateV1Query } from '../odsql/index.ts';
import { tableSchemaOf } from './table-schema.ts';
import type { FacetNode, FacetSort } from '../core/facet-tree.ts';
import { FACET_SORTS, dateFacet, flatFacet } from '../core/facet-tree.ts';
import { renderRecord } from './render.ts';
import { checkTimezone } from './timezone.ts';
import type { QueryTrace } from './cached-queries.ts';

export interface FacetSpec {
  name: string;
  disjunctive?: boolean;
  sort?: string;
  limit?: number;
}

export interface FacetsRequest {
  datasetId: string;
  /** Who asks: a dataset they may not read answers DG_ERR_DATASET_NOT_FOUND. */
  viewer: Viewer;
  /** The facets asked for; none means every field annotated `facet`. */
  facets: FacetSpec[];
  where?: string[];
  refine?: string[];
  exclude?: string[];
  qv1?: string[];
  timezone?: string;
  /** Notes how each query was answered (result cache, summaries, engine). */
  trace?: QueryTrace;
}

export interface FacetGroup {
  name: string;
  facets: FacetNode[];
}

/**
 * Runs one facet's query; `unfiltered` when it counts the whole dataset, as the version's commit
 * did (its rows may then come from the version's summary, when the statements agree).
 */
export type FacetQueryRunner = (query: CompiledQuery, unfiltered: boolean) => Promise<unknown[][]>;

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

interface ParsedFilter {
  text: string;
  facet: string;
  value: string;
}

function parseFilters(texts: string[] | undefined, clause: 'refine' | 'exclude'): ParsedFilter[] {
  return (texts ?? [])
    .filter((t) => t.trim() !== '')
    .map((text) => {
      const filter = parseFacetFilter(text, clause);
      return { text, facet: filter.facet, value: filter.value };
    });
}

function facetSort(spec: FacetSpec, field: Field): FacetSort {
  const sort = spec.sort ?? field.annotations['facetsort']?.[0];
  if (sort === undefined)
    return field.type === 'date' || field.type === 'datetime' ? 'alphanum' : '-count';
  if (!(FACET_SORTS as readonly string[]).includes(sort)) {
    throw invalid(`Invalid facet sort "${sort}": use one of ${FACET_SORTS.join(', ')}.`);
  }
  return sort as FacetSort;
}

/** The facets of `dataset` (whose access was checked) under the request's filters. */
export async function computeFacets(
  dataset: Dataset,
  request: FacetsRequest,
  dialect: DialectName,
  run: FacetQueryRunner,
): Promise<FacetGroup[]> {
  const timezone = checkTimezone(request.timezone);
  const version = dataset.current;
  const fields = version?.fields ?? [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const specs: FacetSpec[] =
    request.facets.length > 0
      ? request.facets
      : annotatedFacetFields(fields).map((f) => ({ name: f.name }));
  const refines = parseFilters(request.refine, 'refine');
  const excludes = parseFilters(request.exclude, 'exclude');
  const v1 = (request.qv1 ?? []).map((q) => translateV1Query(q, fields)).filter((c) => c !== '');
  const where = [...(request.where ?? []), ...v1];
  const schema = tableSchemaOf(dataset);

  return Promise.all(
    specs.map(async (spec): Promise<FacetGroup> => {
      const field = byName.get(spec.name);
      if (!field) throw invalid(`Unknown facet: ${spec.name}`);
      if (!isFacetable(field)) {
        throw invalid(`The ${field.type} field ${field.name} cannot be a facet.`);
      }
      const disjunctive = spec.disjunctive ?? hasAnnotation(field, 'disjunctive');
      const own = (f: ParsedFilter) => f.facet === field.name;
      const selection = {
        refined: new Set(refines.filter(own).map((f) => f.value)),
        excluded: new Set(excludes.filter(own).map((f) => f.value)),
      };
      const filters = {
        where,
        refine: refines.filter((f) => !(disjunctive && own(f))).map((f) => f.text),
        exclude: excludes.filter((f) => !(disjunctive && own(f))).map((f) => f.text),
        timezone,
        limit: FACET_GROUPS_LIMIT,
      };
      const sort = facetSort(spec, field);
      if (!version) return { name: field.name, facets: [] };
      const isDate = isDateFacet(field);
      const compiled = compileRecordsQuery({ ...filters, ...facetClauses(field) }, schema, dialect);
      const unfiltered =
        where.every((w) => w.trim() === '') &&
        filters.refine.length === 0 &&
        filters.exclude.length === 0;
      const rows = await run(compiled, unfiltered);
      const records = rows.map((row) => renderRecord(row, compiled.columns, timezone));
      if (isDate) {
        const counts = records.map(
          (r) =>
            [r['y'], r['m'], r['d'], Number(r['n'])] as [
              number | null,
              number | null,
              number | null,
              number,
            ],
        );
        return { name: field.name, facets: dateFacet(counts, selection, sort) };
      }
      const counts = records.map((r) => [r['v'], Number(r['n'])] as [unknown, number]);
      return { name: field.name, facets: flatFacet(counts, selection, sort, spec.limit) };
    }),
  );
}
