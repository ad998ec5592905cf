import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Field } from '../../core/field.ts';
import { createRowEncoder } from './row-encoder.ts';

function field(name: string, type: Field['type'], annotations: Field['annotations'] = {}): Field {
  return { name, label: name, type, description: null, annotations };
}

function encode(fields: Field[], ...rows: unknown[][]): unknown[][] {
  const encoder = createRowEncoder(fields);
  return rows.map((row) => {
    const out: (string | number | bigint | null)[] = [];
    encoder.encode(row, out, 0);
    assert.equal(out.length, encoder.width);
    return out;
  });
}

test('cells become the values of their physical columns, after the record id', () => {
  const fields = [
    field('t', 'text'),
    field('l', 'text', { multivalued: [';'] }),
    field('b', 'boolean'),
    field('p', 'geo_point_2d'),
    field('s', 'geo_shape'),
    field('j', 'json_blob'),
  ];
  const [values] = encode(fields, [
    'x',
    ['a', 'b'],
    true,
    { lat: 1.5, lon: 2.5 },
    {
      type: 'LineString',
      coordinates: [
        [0, 1],
        [2, 3],
      ],
    },
    { k: [1] },
  ]);
  assert.match(values![0] as string, /^[0-9a-f]{40}$/);
  assert.deepEqual(values!.slice(1), [
    'x',
    '["a","b"]',
    1,
    1.5,
    2.5,
    '{"type":"LineString","coordinates":[[0,1],[2,3]]}',
    0,
    1,
    2,
    3,
    '{"k":[1]}',
  ]);
});

test('the record id depends on every value, and only on the values', () => {
  const fields = [field('a', 'text'), field('b', 'int')];
  const [x, same, other, swapped, nulled, empty] = encode(
    fields,
    ['1', 2],
    ['1', 2],
    ['1', 3],
    ['2', 1],
    [null, 2],
    ['', 2],
  ).map((values) => values[0]);
  assert.equal(x, same);
  assert.equal(new Set([x, other, swapped, nulled, empty]).size, 5);
});

test('string boundaries are part of the record id', () => {
  const fields = [field('a', 'text'), field('b', 'text')];
  const [ab, a_b] = encode(fields, ['ab', 'c'], ['a', 'bc']).map((values) => values[0]);
  assert.notEqual(ab, a_b);
});

test('a record with too few cells is refused', () => {
  assert.throws(() => encode([field('a', 'text'), field('b', 'int')], ['x']), /1 cells/);
});

test('the encoder notes the text, date and number fields whose values are all plain', () => {
  const fields = [
    field('plain', 'text'),
    field('semi', 'text'),
    field('quote', 'text'),
    field('tags', 'text', { multivalued: [';'] }),
    field('tidy', 'text', { multivalued: [';'] }),
    field('n', 'int'),
    field('day', 'date'),
  ];
  const encoder = createRowEncoder(fields);
  const out: (string | number | bigint | null)[] = [];
  encoder.encode(['a b', 'x', 'say', ['a', 'b'], ['c'], 1, '2024-01-31'], out, 0);
  const all = ['plain', 'semi', 'quote', 'tags', 'tidy', 'n', 'day'];
  assert.deepEqual(encoder.plainColumns(), all);
  encoder.encode(['é', 'x;y', 'say "hi"', ['a', 'b,c'], null, 2, null], out, 0);
  encoder.encode([null, 'z', 'line\nbreak', [], ['d'], 3, '2024-02-01'], out, 0);
  assert.deepEqual(encoder.plainColumns(), ['plain', 'tidy', 'n', 'day']);
  for (const odd of ['\t', '|', '\r', ',', '\\', '\u0001']) {
    const one = createRowEncoder([field('t', 'text')]);
    one.encode([`a${odd}b`], out, 0);
    assert.deepEqual(one.plainColumns(), [], JSON.stringify(odd));
  }
});

test('a number or point field is plain while printf writes each of its numbers exactly', () => {
  const fields = [
    field('n', 'int'),
    field('x', 'double'),
    field('place', 'geo_point_2d'),
    field('at', 'datetime'),
  ];
  const encoder = createRowEncoder(fields);
  const out: (string | number | bigint | null)[] = [];
  encoder.encode([7, 48.858901, { lat: 48.858901, lon: 2.131386 }, 1700000000000], out, 0);
  encoder.encode([null, null, null, null], out, 0);
  assert.deepEqual(encoder.plainColumns(), ['n', 'x', 'place']);
  encoder.encode([2 ** 60, 1 / 3, { lat: 45.5, lon: 0.1 + 0.2 }, 0], out, 0);
  assert.deepEqual(encoder.plainColumns(), []);
  const tiny = createRowEncoder([field('x', 'double')]);
  tiny.encode([0.00001], out, 0);
  assert.deepEqual(tiny.plainColumns(), ['x']);
  tiny.encode([1e-7], out, 0);
  assert.deepEqual(tiny.plainColumns(), [], 'String() writes an exponent below 1e-6');
});
