// The table tab's state, in the URL as on ODS portals: `?q=…&refine.<field>=…&exclude.<field>=…
// &sort=<field>|-<field>&page=…&fields=a,b&record=<id>`. `sort` keeps API v1's convention:
// `field` sorts descending, `-field` ascending.

import type { Field } from '../../../core/field.ts';
import { isSortable } from '../../../core/field.ts';

export interface FieldChoice {
  field: string;
  value: string;
}

export interface TableSort {
  field: string;
  descending: boolean;
}

export interface TableState {
  q: string;
  refines: FieldChoice[];
  excludes: FieldChoice[];
  sort: TableSort | null;
  page: number;
  /** The columns shown, in schema order; null for all. */
  columns: string[] | null;
  /** The record whose detail is open. */
  record: string | null;
}

export const ROWS_PER_PAGE = 20;
/** The records API's window: offset + limit ≤ 10,000. */
export const MAX_PAGE = Math.floor(10_000 / ROWS_PER_PAGE);

export function readTableState(query: URLSearchParams, fields: readonly Field[]): TableState {
  const names = new Set(fields.map((f) => f.name));
  const refines: FieldChoice[] = [];
  const excludes: FieldChoice[] = [];
  for (const [key, value] of query) {
    const dot = key.indexOf('.');
    const clause = key.slice(0, dot);
    const field = key.slice(dot + 1);
    if (dot < 0 || value === '' || !names.has(field)) continue;
    if (clause === 'refine') refines.push({ field, value });
    else if (clause === 'exclude') excludes.push({ field, value });
  }
  const sortText = query.get('sort') ?? '';
  const sortName = sortText.replace(/^-/, '');
  const sortField = fields.find((f) => f.name === sortName);
  const page = Number(query.get('page') ?? '1');
  // `fields=a,b` in links; `fields=a&fields=b` from the column form's checkboxes.
  const wanted = query
    .getAll('fields')
    .flatMap((text) => text.split(','))
    .filter((n) => names.has(n));
  return {
    q: (query.get('q') ?? '').trim(),
    refines,
    excludes,
    sort:
      sortField && isSortable(sortField)
        ? { field: sortField.name, descending: !sortText.startsWith('-') }
        : null,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    columns: wanted.length > 0 ? fields.map((f) => f.name).filter((n) => wanted.includes(n)) : null,
    record: query.get('record') || null,
  };
}

/** The query string of a state (defaults left out), beginning with `?` unless empty. */
export function tableQuery(state: TableState): string {
  const params = new URLSearchParams();
  if (state.q) params.append('q', state.q);
  for (const r of state.refines) params.append(`refine.${r.field}`, r.value);
  for (const e of state.excludes) params.append(`exclude.${e.field}`, e.value);
  if (state.sort) params.append('sort', `${state.sort.descending ? '' : '-'}${state.sort.field}`);
  if (state.page > 1) params.append('page', String(state.page));
  if (state.columns) params.append('fields', state.columns.join(','));
  if (state.record) params.append('record', state.record);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Sorting on a column: descending first, then ascending, then back to the default order. */
export function nextSort(state: TableState, field: string): TableState {
  const current = state.sort?.field === field ? state.sort : null;
  const sort = !current
    ? { field, descending: true }
    : current.descending
      ? { field, descending: false }
      : null;
  return { ...state, sort, page: 1, record: null };
}

function same(a: FieldChoice, b: FieldChoice): boolean {
  return a.field === b.field && a.value === b.value;
}

export function toggleTableRefine(state: TableState, choice: FieldChoice): TableState {
  const present = state.refines.some((r) => same(r, choice));
  return {
    ...state,
    page: 1,
    record: null,
    refines: present ? state.refines.filter((r) => !same(r, choice)) : [...state.refines, choice],
    excludes: state.excludes.filter((e) => !same(e, choice)),
  };
}

/** ODS's `facet:value` texts of the refines or excludes, with the value quoted. */
export function facetFilters(choices: FieldChoice[]): string[] {
  return choices.map((c) => `${c.field}:"${c.value.replace(/[\\"]/g, '\\$&')}"`);
}
