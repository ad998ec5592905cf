import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { MapConfig } from './map-config.ts';
import { MAX_POINTS } from './map-config.ts';
import { clampBounds, clustersUrl, containsBounds, recordsUrl } from './map-queries.ts';

const CONFIG = {
  apiBase: '/api/explore/v2.1/catalog/datasets/d',
  datasetId: 'd',
  pointField: 'where',
  shapeField: null,
  titleField: 'name',
  filters: [['refine', 'city:"Lyon"']],
  v1Filters: [['refine.city', 'Lyon']],
} as unknown as MapConfig;

test('an area wider than the world is asked for as the world', () => {
  assert.deepEqual(clampBounds({ south: -120, west: -400, north: 95, east: 200 }), {
    south: -90,
    west: -180,
    north: 90,
    east: 180,
  });
});

test('a view inside the area drawn needs no request; one leaving it does', () => {
  const area = { south: 45, west: 4, north: 46, east: 5 };
  assert.ok(containsBounds(area, { south: 45.2, west: 4.2, north: 45.8, east: 4.8 }));
  assert.ok(containsBounds(area, area));
  assert.ok(!containsBounds(area, { south: 45.2, west: 4.2, north: 46.1, east: 4.8 }));
  assert.ok(!containsBounds(area, { south: 45.2, west: 3.9, north: 45.8, east: 4.8 }));
});

test('clusters: geo_cluster() grouped over in_bbox(), the filters kept', () => {
  const url = new URL(
    clustersUrl(CONFIG, { south: 45, west: 4, north: 46, east: 5 }, 9),
    'http://x',
  );
  assert.equal(url.pathname, '/api/explore/v2.1/catalog/datasets/d/records');
  assert.equal(url.searchParams.get('select'), 'geo_cluster(`where`, 9) as c, count(*) as n');
  assert.equal(url.searchParams.get('group_by'), 'geo_cluster(`where`, 9)');
  assert.deepEqual(url.searchParams.getAll('where'), ['in_bbox(`where`, 45, 4, 46, 5)']);
  assert.deepEqual(url.searchParams.getAll('refine'), ['city:"Lyon"']);
});

test('records: the area as a v1 geofilter polygon, the drawing fields only, the cap', () => {
  const url = new URL(
    recordsUrl(CONFIG, { south: 45, west: -200, north: 46, east: 5 }),
    'http://x',
  );
  assert.equal(url.pathname, '/api/records/1.0/search/');
  assert.equal(url.searchParams.get('dataset'), 'd');
  assert.equal(url.searchParams.get('rows'), String(MAX_POINTS));
  assert.equal(url.searchParams.get('geofilter.polygon'), '(45,-180),(46,-180),(46,5),(45,5)');
  assert.equal(url.searchParams.get('fields'), 'where,name');
  assert.equal(url.searchParams.get('refine.city'), 'Lyon');
});
