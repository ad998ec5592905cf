import assert from 'node:assert/strict';
import { test } from 'node:test';

import { sameJson } from './same-json.ts';

test('objects are the same whatever the order of their keys, arrays keep theirs', () => {
  assert.ok(sameJson({ a: [1, { x: 1, y: 2 }], b: null }, { b: null, a: [1, { y: 2, x: 1 }] }));
  assert.ok(sameJson({ a: 1, b: undefined }, { a: 1 }));
  assert.ok(!sameJson([1, 2], [2, 1]));
  assert.ok(!sameJson({ a: '1' }, { a: 1 }));
  assert.ok(!sameJson({ a: {} }, { a: null }));
});
