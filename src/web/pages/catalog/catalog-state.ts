// The catalog page's state, read from and written to its URL in ODS's shapes:
// `?q=…&refine.theme=…&exclude.keyword=…&sort=…&page=…`.

export const CATALOG_SORTS = ['modified', 'title', 'records_count'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
export const SITE_FACETS = ['theme', 'keyword', 'publisher', 'modified', 'features'] as const;
export type SiteFacet = (typeof SITE_FACETS)[number];

export interface FacetChoice {
  facet: SiteFacet;
  value: string;
}

export interface CatalogState {
  q: string;
  refines: FacetChoice[];
  excludes: FacetChoice[];
  sort: CatalogSort;
  page: number;
}

function isSiteFacet(name: string): name is SiteFacet {
  return (SITE_FACETS as readonly string[]).includes(name);
}

/** Reads the state; unknown facets, sorts and pages fall back to defaults, never to an error. */
export function readCatalogState(query: URLSearchParams): CatalogState {
  const refines: FacetChoice[] = [];
  const excludes: FacetChoice[] = [];
  for (const [key, value] of query) {
    const [clause, facet] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    if (value === '' || !isSiteFacet(facet)) continue;
    if (clause === 'refine') refines.push({ facet, value });
    else if (clause === 'exclude') excludes.push({ facet, value });
  }
  const sort = query.get('sort');
  const page = Number(query.get('page') ?? '1');
  return {
    q: (query.get('q') ?? '').trim(),
    refines,
    excludes,
    sort: (CATALOG_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as CatalogSort)
      : 'modified',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The URL of a state (defaults left out), for links and forms. */
export function catalogUrl(state: CatalogState): string {
  const params = new URLSearchParams();
  if (state.q) params.append('q', state.q);
  for (const r of state.refines) params.append(`refine.${r.facet}`, r.value);
  for (const e of state.excludes) params.append(`exclude.${e.facet}`, e.value);
  if (state.sort !== 'modified') params.append('sort', state.sort);
  if (state.page > 1) params.append('page', String(state.page));
  const text = params.toString();
  return text ? `/explore/?${text}` : '/explore/';
}

function same(a: FacetChoice, b: FacetChoice): boolean {
  return a.facet === b.facet && a.value === b.value;
}

/** The state with a refine added, or removed when present (back to the first page). */
export function toggleRefine(state: CatalogState, choice: FacetChoice): CatalogState {
  const present = state.refines.some((r) => same(r, choice));
  return {
    ...state,
    page: 1,
    refines: present ? state.refines.filter((r) => !same(r, choice)) : [...state.refines, choice],
  };
}

export function withoutExclude(state: CatalogState, choice: FacetChoice): CatalogState {
  return { ...state, page: 1, excludes: state.excludes.filter((e) => !same(e, choice)) };
}
