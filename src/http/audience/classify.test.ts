import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { FinishedRequest } from './classify.ts';
import { classify } from './classify.ts';

const base: FinishedRequest = {
  method: 'GET',
  route: null,
  path: '/',
  params: {},
  query: {},
  status: 200,
  source: 'other',
  apiKey: null,
  results: null,
};
const V21 = '/api/explore/v2.1/catalog/datasets/:dataset_id';

test('site pages by kind, with the dataset and the catalog search', () => {
  assert.deepEqual(classify({ ...base, route: '/' }), [
    { type: 'page', page: 'home', dataset: null },
  ]);
  assert.deepEqual(
    classify({ ...base, route: '/explore/dataset/:dataset_id/map/', params: { dataset_id: 'd' } }),
    [{ type: 'page', page: 'dataset-map', dataset: 'd' }],
  );
  assert.deepEqual(classify({ ...base, route: '/explore', query: { q: ' Pizza ' }, results: 0 }), [
    { type: 'page', page: 'catalog', dataset: null },
    { type: 'search', scope: 'catalog', dataset: null, term: 'pizza', found: false },
  ]);
});

test('API calls, exports and the download URL', () => {
  assert.deepEqual(
    classify({
      ...base,
      route: `${V21}/exports/:format`,
      params: { dataset_id: 'd', format: 'CSV' },
    }),
    [
      {
        type: 'api',
        endpoint: 'v2.1/exports',
        dataset: 'd',
        format: 'csv',
        source: 'other',
        apiKey: null,
      },
      { type: 'download', dataset: 'd', format: 'csv', via: 'v2.1-export' },
    ],
  );
  assert.deepEqual(
    classify({
      ...base,
      method: 'POST',
      route: '/api/records/1.0/search',
      query: { dataset: 'd', q: 'x' },
      source: 'apikey',
      apiKey: 'ak_test',
      results: 2,
    }),
    [
      {
        type: 'api',
        endpoint: 'v1/search',
        dataset: 'd',
        format: 'json',
        source: 'apikey',
        apiKey: 'ak_test',
      },
      { type: 'search', scope: 'records', dataset: 'd', term: 'x', found: true },
    ],
  );
  assert.deepEqual(
    classify({
      ...base,
      route: `${V21}/records`,
      params: { dataset_id: 'd' },
      query: { where: 'search("Bar")' },
    })?.[1],
    { type: 'search', scope: 'records', dataset: 'd', term: 'bar', found: null },
  );
  assert.equal(
    classify({
      ...base,
      route: `${V21}/records`,
      params: { dataset_id: 'd' },
      query: { where: 'a > 1' },
    })?.length,
    1,
  );
});

test('errors, and what is never counted', () => {
  assert.deepEqual(classify({ ...base, path: '/nope', status: 404 }), [
    { type: 'error', status: 404 },
  ]);
  assert.equal(classify({ ...base, route: '*', path: '/static/dsfr/x.css' }), null);
  assert.equal(classify({ ...base, path: '/static/missing.css', status: 404 }), null);
  assert.equal(classify({ ...base, route: '/robots.txt', path: '/robots.txt' }), null);
  assert.equal(classify({ ...base, method: 'POST', route: '/cookies/preferences' }), null);
  assert.equal(classify({ ...base, method: 'OPTIONS', route: '/' }), null);
  assert.equal(
    classify({ ...base, route: '/backoffice/statistics', path: '/backoffice/statistics/' }),
    null,
  );
});
