import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField } from '../../../core/field.ts';
import { availableFormats, estimateBytes, formatBytes } from './export-formats.ts';

test('geo formats only for datasets with a geometry', () => {
  const plain = availableFormats([makeField('a', 'text')]).map((f) => f.name);
  assert.ok(!plain.includes('geojson'));
  const geo = availableFormats([makeField('p', 'geo_point_2d')]).map((f) => f.name);
  assert.ok(geo.includes('geojson'));
});

test('the estimate scales the sample mean by the count and the format ratio', () => {
  const sample = [{ a: 'xxxx' }, { a: 'yy' }]; // 12 and 10 bytes of JSON
  assert.equal(estimateBytes(sample, 1000, { name: 'json', geo: false, ratio: 1 }), 11_000);
  assert.equal(estimateBytes([], 1000, { name: 'json', geo: false, ratio: 1 }), 0);
});

test('sizes in the visitor’s units', () => {
  assert.equal(formatBytes(950, 'en'), '950 B');
  assert.equal(formatBytes(3_400_000, 'en'), '3.4 MB');
  assert.equal(formatBytes(3_400_000, 'fr'), '3,4 Mo');
  assert.equal(formatBytes(12_345, 'fr'), '12 ko');
});
