import assert from 'node:assert/strict';
import { test } from 'node:test';

import { deepFreeze } from './deep-freeze.ts';

test('deepFreeze freezes nested objects and arrays, and returns its argument', () => {
  const value = { a: { b: [1, { c: 'x' }] }, d: null, e: 'text' };
  assert.equal(deepFreeze(value), value);
  assert.ok(Object.isFrozen(value));
  assert.ok(Object.isFrozen(value.a));
  assert.ok(Object.isFrozen(value.a.b));
  assert.ok(Object.isFrozen(value.a.b[1]));
  assert.throws(() => {
    (value.a.b as unknown[]).push(2);
  }, TypeError);
  assert.throws(() => {
    (value.a.b[1] as { c: string }).c = 'y';
  }, TypeError);
});

test('deepFreeze leaves primitives as they are', () => {
  assert.equal(deepFreeze(3), 3);
  assert.equal(deepFreeze(null), null);
  assert.equal(deepFreeze('s'), 's');
});
