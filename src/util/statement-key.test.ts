import assert from 'node:assert/strict';
import { test } from 'node:test';

import { statementKey } from './statement-key.ts';

const key = (sql: string, ...params: unknown[]) => statementKey({ sql, params });

test('the same text and values give the same key', () => {
  assert.equal(key('SELECT ?', 'a', 1), key('SELECT ?', 'a', 1));
});

test('values of different types or texts never share a key', () => {
  const keys = [
    key('SELECT ?', '1'),
    key('SELECT ?', 1),
    key('SELECT ?', 1n),
    key('SELECT ?', true),
    key('SELECT ?', 'true'),
    key('SELECT ?', null),
    key('SELECT ?', 'null'),
    key('SELECT ?', NaN),
    key('SELECT ?', -0),
    key('SELECT ?', 0),
    key('SELECT ?', ['a', 'b']),
    key('SELECT ?', 'a,b'),
    key('SELECT ?', 'a', 'b'),
    key('SELECT ?', 'a\u0000b'),
    key('SELECT ?\u0001"a"'),
    key('select ?', '1'),
  ];
  assert.equal(new Set(keys).size, keys.length);
});
