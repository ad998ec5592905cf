// Facets of a dataset (GET …/facets): for each facet field, its values and their counts under
// the request's filters. A disjunctive facet ignores its own refines, so its other values stay
// visible and selectable. Built on the ODSQL compiler: one grouped query per facet.

import type { CatalogService } from '../catalog/index.ts';
import type { Viewer } from '../core/access.ts';
import { PortalError } from '../core/errors.ts';
import type { Field } from '../core/field.ts';
import { hasAnnotation } from '../core/field.ts';
import type { RecordsQueryInput } from '../odsql/index.ts';
import { compileRecordsQuery, parseFacetFilter, translateV1Query } from '../odsql/index.ts';
import { tableSchemaOf } from './table-schema.ts';
import type { StorageEngine } from '../storage/engine.ts';
import type { FacetNode, FacetSort } from '../core/facet-tree.ts';
import { FACET_SORTS, dateFacet, flatFacet } from '../core/facet-tree.ts';
import { renderRecord } from './render.ts';
import { checkTimezone } from './timezone.ts';

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
}

export interface FacetGroup {
  name: string;
  facets: FacetNode[];
}

export const MAX_GROUPS = 20_000;

/** The grouped ODSQL query that counts a facet's values (a date's by day) under `filters`. */
export function facetQuery(field: Field, filters: RecordsQueryInput): RecordsQueryInput {
  const name = `\`${field.name}\``;
  if (field.type === 'date' || field.type === 'datetime') {
    return {
      ...filters,
      select: `year(${name}) as y, month(${name}) as m, day(${name}) as d, count(*) as n`,
      groupBy: `year(${name}), month(${name}), day(${name})`,
    };
  }
  return { ...filters, select: `${name} as v, count(*) as n`, groupBy: name };
}

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

export async function computeFacets(
  engine: StorageEngine,
  catalog: CatalogService,
  request: FacetsRequest,
  queryTimeoutMs: number,
): Promise<FacetGroup[]> {
  const timezone = checkTimezone(request.timezone);
  const dataset = await catalog.getDataset(request.datasetId, request.viewer);
  const version = dataset.current;
  const fields = version?.fields ?? [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const specs: FacetSpec[] =
    request.facets.length > 0
      ? request.facets
      : fields.filter((f) => hasAnnotation(f, 'facet')).map((f) => ({ name: f.name }));
  const refines = parseFilters(request.refine, 'refine');
  const excludes = parseFilters(request.exclude, 'exclude');
  const v1 = (request.qv1 ?? []).map((q) => translateV1Query(q, fields)).filter((c) => c !== '');
  const where = [...(request.where ?? []), ...v1];
  const schema = tableSchemaOf(dataset);

  return Promise.all(
    specs.map(async (spec): Promise<FacetGroup> => {
      const field = byName.get(spec.name);
      if (!field) throw invalid(`Unknown facet: ${spec.name}`);
      if (field.type === 'geo_point_2d' || field.type === 'geo_shape' || field.type === 'file') {
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
        limit: MAX_GROUPS,
      };
      const sort = facetSort(spec, field);
      if (!version) return { name: field.name, facets: [] };
      const isDate = field.type === 'date' || field.type === 'datetime';
      const compiled = compileRecordsQuery(facetQuery(field, filters), schema, engine.name);
      const rows = await engine.query(compiled, { timeoutMs: queryTimeoutMs });
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
