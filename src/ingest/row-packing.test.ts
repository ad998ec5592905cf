import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Row } from '../core/cell.ts';
import { makeField as f } from '../core/field.ts';
import { fieldPackings, packRows, unpackRows } from './row-packing.ts';

const FIELDS = [
  f('name', 'text'),
  f('tags', 'text', { multivalued: [','] }),
  f('n', 'double'),
  f('ok', 'boolean'),
  f('at', 'geo_point_2d'),
  f('shape', 'geo_shape'),
  f('blob', 'json_blob'),
];

test('packed rows unpack to equal rows, every kind of cell', () => {
  const rows: Row[] = [
    ['café ☕ 𝄞', ['a', 'b é', ''], -0.5, true, { lat: 48.85, lon: 2.35 }, null, [1, { x: 'y' }]],
    [null, null, null, null, null, { type: 'Point', coordinates: [2, 48] }, 'text'],
    ['', [], 0, false, { lat: -0, lon: 180 }, null, null],
    ['\u0000;\n"', ['x'], Number.MAX_SAFE_INTEGER, false, null, null, { nested: [true] }],
  ];
  const packed = packRows(rows, fieldPackings(FIELDS));
  assert.equal(packed.count, 4);
  assert.equal(packed.kinds.length, 4 * FIELDS.length);
  assert.deepEqual(unpackRows(packed), rows);
});

test('an empty batch packs and unpacks', () => {
  assert.deepEqual(unpackRows(packRows([], fieldPackings(FIELDS))), []);
});

test('texts of a large batch cross in several pieces and come back whole', () => {
  const fields = [f('a', 'text'), f('b', 'text', { multivalued: [','] }), f('c', 'text')];
  const rows: Row[] = [];
  for (let i = 0; i < 3000; i++) {
    const long = i % 500 === 7 ? 'é'.repeat(40_000 + i) : `texte ${i}`;
    rows.push([i % 3 === 0 ? '' : long, i % 4 === 0 ? ['', `x${i}`] : [], i % 5 === 0 ? null : '']);
  }
  const packed = packRows(rows, fieldPackings(fields));
  assert.ok(packed.text.length > 3);
  assert.deepEqual(unpackRows(packed), rows);
});
