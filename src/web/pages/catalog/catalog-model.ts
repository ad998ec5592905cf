// What the catalog page shows for a state: the page of datasets and the facets, computed from
// the metadata of the datasets the viewer may read.

import {
  catalogFacets,
  filterCatalog,
  parseCatalogFilters,
  searchDatasets,
} from '../../../catalog/index.ts';
import type { Viewer } from '../../../core/access.ts';
import type { Dataset } from '../../../core/dataset.ts';
import type { FacetNode } from '../../../core/facet-tree.ts';
import type { PortalServices } from '../../../http/services.ts';
import type { CatalogSort, CatalogState, FacetChoice, SiteFacet } from './catalog-state.ts';
import { SITE_FACETS } from './catalog-state.ts';

export const DATASETS_PER_PAGE = 10;

export interface CatalogModel {
  datasets: Dataset[];
  total: number;
  pages: number;
  facets: { name: SiteFacet; nodes: FacetNode[] }[];
}

function filterTexts(choices: FacetChoice[]): string[] {
  return choices.map((c) => `${c.facet}:"${c.value.replace(/[\\"]/g, '\\$&')}"`);
}

const SORTS: Record<CatalogSort, (a: Dataset, b: Dataset) => number> = {
  modified: (a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.id.localeCompare(b.id),
  title: (a, b) => a.metas.title.localeCompare(b.metas.title, 'fr') || a.id.localeCompare(b.id),
  records_count: (a, b) =>
    (b.current?.recordsCount ?? 0) - (a.current?.recordsCount ?? 0) || a.id.localeCompare(b.id),
};

export async function loadCatalog(
  services: PortalServices,
  state: CatalogState,
  viewer: Viewer,
): Promise<CatalogModel> {
  const searched = searchDatasets(await services.catalog.listDatasets(viewer), state.q);
  const refines = parseCatalogFilters(filterTexts(state.refines), 'refine');
  const excludes = parseCatalogFilters(filterTexts(state.excludes), 'exclude');
  const selected = filterCatalog(searched, refines, excludes).sort(SORTS[state.sort]);
  const pages = Math.max(1, Math.ceil(selected.length / DATASETS_PER_PAGE));
  const start = (Math.min(state.page, pages) - 1) * DATASETS_PER_PAGE;
  const groups = catalogFacets(searched, refines, excludes, [...SITE_FACETS]);
  return {
    datasets: selected.slice(start, start + DATASETS_PER_PAGE),
    total: selected.length,
    pages,
    facets: groups.map((g) => ({ name: g.name as SiteFacet, nodes: g.facets })),
  };
}
