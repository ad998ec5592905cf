import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FacetCache } from './facet-cache.ts';

test('keeps at most its capacity, dropping the least recently used', () => {
  const cache = new FacetCache<number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  assert.equal(cache.get('a'), 1);
  cache.set('c', 3);
  assert.equal(cache.get('b'), undefined, 'b was the least recently used');
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.get('c'), 3);
  assert.equal(cache.size, 2);
});
