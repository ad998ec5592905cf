import assert from 'node:assert/strict';
import { test } from 'node:test';

import { tempFile } from '../helpers.ts';
import { formatFixture, readFile } from './helpers.ts';

test('GeoJSON: properties become fields, the geometry a geo_shape and its point', async () => {
  const { format, rows, result, types } = await readFile(formatFixture('places.geojson'));
  assert.equal(format, 'geojson');
  assert.deepEqual(types, [
    'name:text',
    'n:int',
    'geo_shape:geo_shape',
    'geo_point_2d:geo_point_2d',
  ]);
  assert.deepEqual(rows[0]?.slice(2), [
    { type: 'Point', coordinates: [2.35, 48.85] },
    { lat: 48.85, lon: 2.35 },
  ]);
  // The square's centroid, the line's middle, no geometry.
  assert.deepEqual(rows[1]?.[3], { lat: 1, lon: 1 });
  assert.deepEqual(rows[2]?.[3], { lat: 0, lon: 2 });
  assert.deepEqual(rows[3]?.slice(2), [null, null]);
  assert.deepEqual(result.issues, [
    {
      line: 5,
      field: 'geo_shape',
      reason: '"{"type":"Polygon","coordinates":"oops"}" is not a GeoJSON geometry',
    },
  ]);
});

test('a .json file holding a FeatureCollection is read as GeoJSON', async () => {
  const path = tempFile(
    'collection.json',
    '{"features": [{"type": "Feature", "properties": {"a": "x"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}], "type": "FeatureCollection"}',
  );
  const { format, rows } = await readFile(path);
  assert.equal(format, 'geojson');
  assert.deepEqual(rows[0]?.[2], { lat: 2, lon: 1 });
});

test('a GeoJSON file that is not a FeatureCollection is refused', async () => {
  const path = tempFile(
    'feature.geojson',
    '{"type": "Feature", "properties": {}, "geometry": null}',
  );
  await assert.rejects(readFile(path), /not a GeoJSON FeatureCollection/);
});
