import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField } from '../../../core/field.ts';
import { mapFields } from './map-fields.ts';

test('points are clustered, shapes drawn; the first field of each type is the one', () => {
  const name = makeField('name', 'text');
  const where = makeField('where', 'geo_point_2d');
  const also = makeField('also', 'geo_point_2d');
  const area = makeField('area', 'geo_shape');
  assert.deepEqual(mapFields([name, where, also]), { point: 'where', shape: null });
  assert.deepEqual(mapFields([area, name]), { point: null, shape: 'area' });
  assert.deepEqual(mapFields([area, also, where]), { point: 'also', shape: 'area' });
  assert.equal(mapFields([name]), null);
  assert.equal(mapFields([]), null);
});
