import assert from 'node:assert/strict';
import { test } from 'node:test';

import { toPostgresValue } from './postgres-value.ts';

test('booleans, times and dates become what PostgreSQL parses', () => {
  assert.equal(toPostgresValue(1, 'bool'), true);
  assert.equal(toPostgresValue(0, 'bool'), false);
  assert.equal(
    toPostgresValue(Date.UTC(2026, 10, 29, 8, 30), 'timestamptz'),
    '2026-11-29T08:30:00.000Z',
  );
  assert.equal(
    toPostgresValue('2026-11-29T08:30:00.000Z', 'timestamptz'),
    '2026-11-29T08:30:00.000Z',
  );
  assert.equal(toPostgresValue(Date.UTC(2026, 10, 29), 'date'), '2026-11-29');
  assert.equal(toPostgresValue(null, 'bool'), null);
});

test('JSON stays text; SQL arrays are parsed from their JSON text', () => {
  assert.equal(toPostgresValue('{"a":1}', 'jsonb'), '{"a":1}');
  assert.equal(toPostgresValue(['x'], 'jsonb'), '["x"]');
  assert.deepEqual(toPostgresValue('["a","b"]', '_text'), ['a', 'b']);
  assert.equal(toPostgresValue(12, 'text'), '12');
  assert.equal(toPostgresValue(12, 'int8'), 12);
});
