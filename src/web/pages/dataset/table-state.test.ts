import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField } from '../../../core/field.ts';
import {
  facetFilters,
  nextSort,
  readTableState,
  tableQuery,
  toggleTableRefine,
} from './table-state.ts';

const fields = [
  makeField('name', 'text'),
  makeField('city', 'text', { facet: [] }),
  makeField('when', 'datetime'),
  makeField('score', 'int'),
];

const read = (text: string) => readTableState(new URLSearchParams(text), fields);

test('reads the ODS-shaped state; v1 sort convention (no sign = descending)', () => {
  const state = read(
    'q=pizza&refine.city=Lyon&exclude.city=Paris&sort=-score&page=2&fields=when,name&record=abc',
  );
  assert.deepEqual(state, {
    q: 'pizza',
    refines: [{ field: 'city', value: 'Lyon' }],
    excludes: [{ field: 'city', value: 'Paris' }],
    sort: { field: 'score', descending: false },
    page: 2,
    columns: ['name', 'when'],
    record: 'abc',
  });
  assert.deepEqual(read('sort=when').sort, { field: 'when', descending: true });
});

test('unknown fields, unsortable fields and wild pages are dropped, not errors', () => {
  const state = read('refine.secret=x&sort=name&page=99999&fields=nope');
  assert.equal(state.refines.length, 0);
  assert.equal(state.sort, null, 'text without the sortable annotation');
  assert.equal(state.page, 500);
  assert.equal(state.columns, null);
});

test('the query string round-trips', () => {
  const text = '?q=a+b&refine.city=Lyon&sort=-score&page=3&fields=name%2Cwhen';
  assert.equal(tableQuery(read(text.slice(1))), text);
  assert.equal(tableQuery(read('')), '');
});

test('sorting cycles descending → ascending → none, back to page 1', () => {
  const start = read('page=4');
  const first = nextSort(start, 'score');
  assert.deepEqual(first.sort, { field: 'score', descending: true });
  assert.equal(first.page, 1);
  assert.deepEqual(nextSort(first, 'score').sort, { field: 'score', descending: false });
  assert.equal(nextSort(nextSort(first, 'score'), 'score').sort, null);
});

test('refines toggle and quote their values for ODS', () => {
  const on = toggleTableRefine(read(''), { field: 'city', value: 'Saint-"Denis"' });
  assert.deepEqual(facetFilters(on.refines), ['city:"Saint-\\"Denis\\""']);
  assert.deepEqual(toggleTableRefine(on, { field: 'city', value: 'Saint-"Denis"' }).refines, []);
});
