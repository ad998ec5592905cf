import assert from 'node:assert/strict';
import { test } from 'node:test';

import { geometryBbox } from './geometry-bbox.ts';

test('the bounding box of a point is the point', () => {
  assert.deepEqual(
    geometryBbox({ type: 'Point', coordinates: [2.35, 48.85] }),
    [2.35, 48.85, 2.35, 48.85],
  );
});

test('the bounding box covers every ring and part', () => {
  const multi = {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [0, 0],
        ],
      ],
      [
        [
          [-1, 5],
          [1, 5],
          [1, 6],
          [-1, 5],
        ],
      ],
    ],
  };
  assert.deepEqual(geometryBbox(multi), [-1, 0, 2, 6]);
});

test('a geometry collection covers its members', () => {
  const collection = {
    type: 'GeometryCollection',
    geometries: [
      { type: 'Point', coordinates: [10, 20] },
      {
        type: 'LineString',
        coordinates: [
          [-5, 1],
          [3, 30, 100],
        ],
      },
    ],
  };
  assert.deepEqual(geometryBbox(collection), [-5, 1, 10, 30]);
});

test('an empty geometry has no bounding box', () => {
  assert.equal(geometryBbox({ type: 'Polygon', coordinates: [] }), null);
  assert.equal(geometryBbox({ type: 'GeometryCollection', geometries: [] }), null);
});
