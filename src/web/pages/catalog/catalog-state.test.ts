import assert from 'node:assert/strict';
import { test } from 'node:test';

import { catalogUrl, readCatalogState, toggleRefine } from './catalog-state.ts';

test('the state is read from ODS-shaped parameters', () => {
  const state = readCatalogState(
    new URLSearchParams(
      'q=hygiène&refine.theme=Santé&refine.theme=Alimentation&exclude.keyword=x&sort=title&page=3',
    ),
  );
  assert.deepEqual(state, {
    q: 'hygiène',
    refines: [
      { facet: 'theme', value: 'Santé' },
      { facet: 'theme', value: 'Alimentation' },
    ],
    excludes: [{ facet: 'keyword', value: 'x' }],
    sort: 'title',
    page: 3,
  });
});

test('unknown facets, sorts and pages fall back to defaults', () => {
  const state = readCatalogState(
    new URLSearchParams('refine.secret=1&refine=2&sort=drop table&page=-4&page=abc'),
  );
  assert.deepEqual(state, { q: '', refines: [], excludes: [], sort: 'modified', page: 1 });
});

test('a URL round-trips, defaults left out', () => {
  const text = '/explore/?q=a+b&refine.theme=Sant%C3%A9&sort=title&page=2';
  const state = readCatalogState(new URL(text, 'http://x').searchParams);
  assert.equal(catalogUrl(state), text);
  assert.equal(catalogUrl(readCatalogState(new URLSearchParams())), '/explore/');
});

test('toggling a refine adds or removes it and goes back to page 1', () => {
  const state = readCatalogState(new URLSearchParams('refine.theme=A&page=4'));
  const off = toggleRefine(state, { facet: 'theme', value: 'A' });
  assert.equal(catalogUrl(off), '/explore/');
  const on = toggleRefine(state, { facet: 'keyword', value: 'k' });
  assert.equal(catalogUrl(on), '/explore/?refine.theme=A&refine.keyword=k');
});
