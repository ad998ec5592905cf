import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Field } from '../core/field.ts';
import { converterFor, INVALID } from './converters.ts';

function field(type: Field['type'], annotations: Field['annotations'] = {}): Field {
  return { name: 'f', label: 'F', type, description: null, annotations };
}

test('empty cells are null whatever the type', () => {
  for (const type of [
    'text',
    'int',
    'double',
    'boolean',
    'date',
    'datetime',
    'geo_point_2d',
  ] as const) {
    assert.equal(converterFor(field(type))(''), null, type);
  }
});

test('typed cells take the shapes of core/cell.ts', () => {
  assert.equal(converterFor(field('text'))(' a '), ' a ');
  assert.equal(converterFor(field('int'))('42'), 42);
  assert.equal(converterFor(field('double'))('4.5'), 4.5);
  assert.equal(converterFor(field('boolean'))('TRUE'), true);
  assert.equal(converterFor(field('date'))('01/02/2024'), '2024-02-01');
  const datetime = converterFor(field('datetime'));
  assert.equal(datetime('2019-03-22T01:00:00+01:00'), Date.UTC(2019, 2, 22));
  assert.equal(datetime('2019-03-22'), Date.UTC(2019, 2, 22));
  assert.deepEqual(converterFor(field('geo_point_2d'))('48.1, -1.6'), { lat: 48.1, lon: -1.6 });
  assert.deepEqual(converterFor(field('json_blob'))('{"a":1}'), { a: 1 });
});

test('multivalued text becomes a list of trimmed non-empty items', () => {
  const convert = converterFor(field('text', { multivalued: [','] }));
  assert.deepEqual(convert('Restaurant, Traiteur,,'), ['Restaurant', 'Traiteur']);
  assert.deepEqual(convert('Restaurant'), ['Restaurant']);
  assert.equal(convert(' , '), null);
});

test('a value of the wrong type is INVALID', () => {
  assert.equal(converterFor(field('int'))('01480'), INVALID);
  assert.equal(converterFor(field('datetime'))('22/03/2019'), INVALID);
  assert.equal(converterFor(field('geo_point_2d'))('95, 0'), INVALID);
  assert.equal(converterFor(field('geo_shape'))('[1]'), INVALID);
});
