import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ResultCache, estimateBytes } from './result-cache.ts';

test('stays within its byte budget, dropping the least recently used first', () => {
  const cache = new ResultCache<string>(800);
  for (const key of ['a', 'b', 'c', 'd']) assert.equal(cache.set('g', key, key, 100), true);
  assert.equal(cache.get('a'), 'a', 'a is now the most recently used');
  for (const key of ['e', 'f', 'g', 'h', 'i']) cache.set('g', key, key, 100);
  const { bytes, entries } = cache.stats();
  assert.ok(bytes <= 800, `${bytes} bytes held`);
  assert.equal(entries, 8);
  assert.equal(cache.get('b'), undefined, 'b was the least recently used');
  assert.equal(cache.get('a'), 'a');
  assert.equal(cache.get('i'), 'i');
});

test('refuses a value larger than an eighth of the budget, and keeps nothing at 0', () => {
  const cache = new ResultCache<string>(800);
  cache.set('g', 'small', 'x', 100);
  assert.equal(cache.set('g', 'large', 'y', 101), false);
  assert.equal(cache.get('large'), undefined);
  assert.equal(cache.get('small'), 'x', 'the large value pushed nothing out');
  const off = new ResultCache<string>(0);
  assert.equal(off.enabled, false);
  assert.equal(off.set('g', 'k', 'v', 1), false);
  assert.equal(off.stats().bytes, 0);
});

test('replacing a key counts its bytes once', () => {
  const cache = new ResultCache<string>(1000);
  cache.set('g', 'k', 'v1', 100);
  cache.set('g', 'k', 'v2', 120);
  assert.deepEqual(cache.stats(), { entries: 1, bytes: 120, maxBytes: 1000 });
  assert.equal(cache.get('k'), 'v2');
});

test('drops a whole group at once, and only it', () => {
  const cache = new ResultCache<number>(10_000);
  cache.set('one', 'a', 1, 10);
  cache.set('one', 'b', 2, 10);
  cache.set('two', 'c', 3, 10);
  assert.deepEqual(cache.groupNames().sort(), ['one', 'two']);
  cache.dropGroup('one');
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('c'), 3);
  assert.deepEqual(cache.groupNames(), ['two']);
  assert.deepEqual(cache.stats(), { entries: 1, bytes: 10, maxBytes: 10_000 });
});

test('estimates grow with the rows and the text they hold', () => {
  const short = estimateBytes([['a', 1]]);
  const long = estimateBytes([['a'.repeat(1000), 1]]);
  const many = estimateBytes(Array.from({ length: 100 }, () => ['a', 1]));
  assert.ok(long - short >= 1998, 'two bytes per character');
  assert.ok(many > short * 50);
});
