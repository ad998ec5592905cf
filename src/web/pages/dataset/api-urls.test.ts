import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField } from '../../../core/field.ts';
import { exportApiUrl, recordsApiUrl, v1SearchUrl } from './api-urls.ts';
import { readTableState } from './table-state.ts';

const fields = [makeField('city', 'text'), makeField('score', 'int')];
const state = readTableState(
  new URLSearchParams('q=pizza&refine.city=Saint-Ouen&exclude.city=Paris&sort=-score'),
  fields,
);

test('the v2.1 records URL carries the same filters and sort', () => {
  const url = new URL(recordsApiUrl('https://data.example.fr', 'shops', state));
  assert.equal(url.pathname, '/api/explore/v2.1/catalog/datasets/shops/records');
  assert.deepEqual(url.searchParams.getAll('qv1'), ['pizza']);
  assert.deepEqual(url.searchParams.getAll('refine'), ['city:"Saint-Ouen"']);
  assert.deepEqual(url.searchParams.getAll('exclude'), ['city:"Paris"']);
  assert.equal(url.searchParams.get('order_by'), 'score asc');
});

test('export and v1 URLs', () => {
  assert.equal(
    exportApiUrl('http://x', 'shops', readTableState(new URLSearchParams(), fields), 'csv'),
    'http://x/api/explore/v2.1/catalog/datasets/shops/exports/csv',
  );
  const v1 = new URL(v1SearchUrl('http://x', 'shops', state));
  assert.equal(v1.searchParams.get('sort'), '-score');
  assert.equal(v1.searchParams.get('refine.city'), 'Saint-Ouen');
});
