// The API calls that give what a dataset tab shows: the Explore v2.1 records and export URLs
// and the API v1 search URL of the same filters (the table's `q` travels as `qv1`).

import type { TableState } from './table-state.ts';
import { facetFilters } from './table-state.ts';

export function datasetApiBase(baseUrl: string, datasetId: string): string {
  return `${baseUrl}/api/explore/v2.1/catalog/datasets/${encodeURIComponent(datasetId)}`;
}

/** The v2.1 parameters of the tab's filters and sort. */
export function filterParams(state: TableState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.append('qv1', state.q);
  for (const text of facetFilters(state.refines)) params.append('refine', text);
  for (const text of facetFilters(state.excludes)) params.append('exclude', text);
  if (state.sort) {
    params.append('order_by', `${state.sort.field} ${state.sort.descending ? 'desc' : 'asc'}`);
  }
  return params;
}

export function recordsApiUrl(baseUrl: string, datasetId: string, state: TableState): string {
  const params = filterParams(state);
  params.append('limit', '20');
  return `${datasetApiBase(baseUrl, datasetId)}/records?${params}`;
}

export function exportApiUrl(
  baseUrl: string,
  datasetId: string,
  state: TableState,
  format: string,
): string {
  const params = filterParams(state).toString();
  return `${datasetApiBase(baseUrl, datasetId)}/exports/${format}${params ? `?${params}` : ''}`;
}

/** The API v1 search URL (sort keeps v1's sign convention: `-field` ascending). */
export function v1SearchUrl(baseUrl: string, datasetId: string, state: TableState): string {
  const params = new URLSearchParams({ dataset: datasetId });
  if (state.q) params.append('q', state.q);
  for (const r of state.refines) params.append(`refine.${r.field}`, r.value);
  for (const e of state.excludes) params.append(`exclude.${e.field}`, e.value);
  if (state.sort) params.append('sort', `${state.sort.descending ? '' : '-'}${state.sort.field}`);
  return `${baseUrl}/api/records/1.0/search/?${params}`;
}
