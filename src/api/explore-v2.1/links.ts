// HATEOAS links of Explore v2.1 answers, added only with `include_links=true` (ODS removed them
// from the default payload). Pages link to themselves and to their first, last and next pages;
// datasets to themselves and the catalog; records to themselves and their dataset. The `rel`
// values are those of ODS's OpenAPI schema: self, first, last, next, dataset, catalog.

import type { QueryValues } from '../../http/query-params.ts';
import { boolean } from '../../http/query-params.ts';
import { DEFAULT_LIMIT, MAX_RECORDS_LIMIT, MAX_RECORDS_WINDOW } from '../../records/index.ts';

export interface Link {
  href: string;
  rel: 'self' | 'first' | 'last' | 'next' | 'dataset' | 'catalog';
}

const V21 = '/api/explore/v2.1';

/** `include_links` (default false; `True`/`False` accepted as v2.0 echoed them). */
export function wantsLinks(query: QueryValues): boolean {
  return boolean(query, 'include_links', false);
}

/**
 * `include_app_metas` (default false), checked. Datagora keeps no application metadata
 * template (download counts, visualisation settings…), so `true` adds nothing to `metas`.
 */
export function checkAppMetas(query: QueryValues): void {
  boolean(query, 'include_app_metas', false);
}

export function datasetLinks(baseUrl: string, datasetId: string): Link[] {
  return [
    { href: `${baseUrl}${V21}/catalog/datasets/${encodeURIComponent(datasetId)}`, rel: 'self' },
    { href: `${baseUrl}${V21}/catalog/datasets`, rel: 'catalog' },
  ];
}

export function recordLinks(baseUrl: string, datasetId: string, recordId: string): Link[] {
  const dataset = `${baseUrl}${V21}/catalog/datasets/${encodeURIComponent(datasetId)}`;
  return [
    { href: `${dataset}/records/${encodeURIComponent(recordId)}`, rel: 'self' },
    { href: dataset, rel: 'dataset' },
  ];
}

/** The URL of the same request with another paging window. */
function pageUrl(url: string, query: QueryValues, limit: number, offset: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === 'limit' || name === 'offset' || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return `${url}?${params.toString()}`;
}

/**
 * The links of a page of results at `url` (absolute, without query string). `totalCount` is
 * absent on aggregations, whose pages link to themselves and their first page only. Without
 * group_by, the last page ends within the 10,000-record window ODS pages through.
 */
export function pageLinks(
  url: string,
  query: QueryValues,
  page: { limit?: number; offset?: number; totalCount?: number },
): Link[] {
  const offset = page.offset ?? 0;
  const requested = page.limit ?? DEFAULT_LIMIT;
  const limit = requested === -1 ? MAX_RECORDS_LIMIT : requested;
  const links: Link[] = [
    { href: pageUrl(url, query, limit, offset), rel: 'self' },
    { href: pageUrl(url, query, limit, 0), rel: 'first' },
  ];
  if (page.totalCount === undefined || limit <= 0) return links;
  const reachable = Math.min(page.totalCount, MAX_RECORDS_WINDOW);
  const lastOffset = reachable === 0 ? 0 : Math.floor((reachable - 1) / limit) * limit;
  const lastLimit = Math.min(limit, MAX_RECORDS_WINDOW - lastOffset);
  links.push({ href: pageUrl(url, query, lastLimit, lastOffset), rel: 'last' });
  const next = offset + limit;
  if (next < reachable) {
    const nextLimit = Math.min(limit, MAX_RECORDS_WINDOW - next);
    links.push({ href: pageUrl(url, query, nextLimit, next), rel: 'next' });
  }
  return links;
}
