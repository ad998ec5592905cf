// Facets of the catalog (publisher, theme, keyword, language, license, features, modified) and
// the refine / exclude filters on them, computed over the datasets' metadata.

import type { Dataset } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { FacetNode } from '../core/facet-tree.ts';
import { dateFacet, flatFacet } from '../core/facet-tree.ts';
import { parseFacetFilter } from '../odsql/index.ts';
import { datasetFeatures } from './explore-dataset.ts';

export const CATALOG_FACETS = [
  'publisher',
  'theme',
  'keyword',
  'language',
  'license',
  'features',
  'modified',
] as const;

export type CatalogFacet = (typeof CATALOG_FACETS)[number];

export interface CatalogFacetGroup {
  name: string;
  facets: FacetNode[];
}

interface Filter {
  facet: CatalogFacet;
  value: string;
}

function catalogFacet(name: string, clause: string): CatalogFacet {
  const bare = name.startsWith('default.') ? name.slice('default.'.length) : name;
  if (!(CATALOG_FACETS as readonly string[]).includes(bare)) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `Invalid value for ${clause} API parameter: "${name}" is not a catalog facet (${CATALOG_FACETS.join(', ')}).`,
    });
  }
  return bare as CatalogFacet;
}

export function parseCatalogFilters(texts: string[], clause: 'refine' | 'exclude'): Filter[] {
  return texts
    .filter((t) => t.trim() !== '')
    .map((text) => {
      const filter = parseFacetFilter(text, clause);
      return { facet: catalogFacet(filter.facet, clause), value: filter.value };
    });
}

/** A dataset's values for a catalog facet (dates as `YYYY/MM/DD`). */
function valuesOf(dataset: Dataset, facet: CatalogFacet): string[] {
  const metas = dataset.metas;
  switch (facet) {
    case 'theme':
    case 'keyword':
      return metas[facet] ?? [];
    case 'features':
      return datasetFeatures(
        dataset.current?.fields ?? [],
        (dataset.current?.recordsCount ?? 0) > 0,
      );
    case 'modified':
      return [dataset.modifiedAt.slice(0, 10).replace(/-/g, '/')];
    default: {
      const value = metas[facet];
      return typeof value === 'string' && value !== '' ? [value] : [];
    }
  }
}

function matches(dataset: Dataset, filter: Filter): boolean {
  return valuesOf(dataset, filter.facet).some((v) =>
    filter.facet === 'modified'
      ? v === filter.value || v.startsWith(`${filter.value}/`)
      : v === filter.value,
  );
}

/** The datasets every refine matches and no exclude matches. */
export function filterCatalog(
  datasets: Dataset[],
  refines: Filter[],
  excludes: Filter[],
): Dataset[] {
  return datasets.filter(
    (d) => refines.every((f) => matches(d, f)) && !excludes.some((f) => matches(d, f)),
  );
}

export function catalogFacets(
  datasets: Dataset[],
  refines: Filter[],
  excludes: Filter[],
  names: string[],
): CatalogFacetGroup[] {
  const facets =
    names.length > 0 ? names.map((n) => catalogFacet(n, 'facet')) : [...CATALOG_FACETS];
  const selected = filterCatalog(datasets, refines, excludes);
  return facets.map((facet) => {
    const selection = {
      refined: new Set(refines.filter((f) => f.facet === facet).map((f) => f.value)),
      excluded: new Set(excludes.filter((f) => f.facet === facet).map((f) => f.value)),
    };
    if (facet === 'modified') {
      const counts = selected.map((d) => {
        const [y, m, day] = (valuesOf(d, 'modified')[0] ?? '').split('/').map(Number);
        return [y ?? null, m ?? null, day ?? null, 1] as [
          number | null,
          number | null,
          number | null,
          number,
        ];
      });
      return { name: facet, facets: dateFacet(counts, selection, 'alphanum') };
    }
    const counts = selected.map((d) => [valuesOf(d, facet), 1] as [unknown, number]);
    return { name: facet, facets: flatFacet(counts, selection, '-count', undefined) };
  });
}
