import assert from 'node:assert/strict';
import { test } from 'node:test';

import { columnsOf } from './columns.ts';
import type { Field } from './field.ts';

function field(type: Field['type'], annotations: Field['annotations'] = {}): Field {
  return { name: 'f', label: 'F', type, description: null, annotations };
}

test('a geo_point_2d field is stored as latitude and longitude columns', () => {
  assert.deepEqual(columnsOf(field('geo_point_2d')), [
    { name: 'f$lat', kind: 'real' },
    { name: 'f$lon', kind: 'real' },
  ]);
});

test('a multivalued text field is stored as a list', () => {
  assert.deepEqual(columnsOf(field('text', { multivalued: [','] })), [
    { name: 'f', kind: 'text_list' },
  ]);
  assert.deepEqual(columnsOf(field('text')), [{ name: 'f', kind: 'text' }]);
});

test('a geo_shape keeps its bounding box beside the geometry', () => {
  assert.deepEqual(
    columnsOf(field('geo_shape')).map((c) => c.name),
    ['f', 'f$xmin', 'f$ymin', 'f$xmax', 'f$ymax'],
  );
});
