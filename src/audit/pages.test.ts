import assert from 'node:assert/strict';
import { test } from 'node:test';

import { backOfficeLinks, frontOfficePages, pickDataset, portalRoot } from './pages.ts';

test('the front office pages hold one of each template and the six tabs of the dataset', () => {
  const paths = frontOfficePages('arbres').map((p) => p.path);
  for (const tab of ['information', 'table', 'map', 'analyze', 'export', 'api']) {
    assert.ok(paths.includes(`/explore/dataset/arbres/${tab}/`), tab);
  }
  for (const path of ['/explore/', '/cookies/', '/cookies/preferences/', '/sitemap/', '/login/']) {
    assert.ok(paths.includes(path), path);
  }
  assert.equal(new Set(paths).size, paths.length, 'each page once');
  assert.equal(frontOfficePages(null).filter((p) => p.path.includes('/dataset/')).length, 0);
});

test('back office links: the portal’s own pages under /backoffice/, once each', () => {
  const links = backOfficeLinks(
    [
      '/backoffice/datasets/',
      '/backoffice/datasets/?page=2',
      'http://portal.test/backoffice/settings/#general',
      'https://elsewhere.test/backoffice/x/',
      '/backoffice/',
      '/explore/',
      'http://[bad',
    ],
    'http://portal.test/',
  );
  assert.deepEqual(links, [
    { name: 'back office datasets', path: '/backoffice/datasets/' },
    { name: 'back office settings', path: '/backoffice/settings/' },
  ]);
});

test('the dataset visited is the first with a map, else the first, else none', () => {
  assert.equal(
    pickDataset({
      results: [
        { dataset_id: 'a', features: ['timeserie'] },
        { dataset_id: 'b', features: ['geo', 'analyze'] },
      ],
    }),
    'b',
  );
  assert.equal(pickDataset({ results: [{ dataset_id: 'a', features: [] }] }), 'a');
  assert.equal(pickDataset({ results: [] }), null);
  assert.equal(pickDataset({}), null);
});

test('the portal URL is an http(s) root', () => {
  assert.equal(portalRoot('http://localhost:8080/explore/?q=x').href, 'http://localhost:8080/');
  assert.throws(() => portalRoot('localhost:8080'), /must start with http/);
  assert.throws(() => portalRoot('not a url'), /is not a URL/);
  assert.throws(() => portalRoot('ftp://example.org'), /must start with http/);
});
