import assert from 'node:assert/strict';
import { test } from 'node:test';

import { encodeShape } from './shp-geometry.ts';

// Reads the content layout of the ESRI specification back, independently of the writer.
function readParts(content: Buffer) {
  const type = content.readInt32LE(0);
  const box = [0, 1, 2, 3].map((i) => content.readDoubleLE(4 + 8 * i));
  const numParts = content.readInt32LE(36);
  const numPoints = content.readInt32LE(40);
  const starts = Array.from({ length: numParts }, (_, i) => content.readInt32LE(44 + 4 * i));
  const at = 44 + 4 * numParts;
  const points = Array.from({ length: numPoints }, (_, i) => [
    content.readDoubleLE(at + 16 * i),
    content.readDoubleLE(at + 16 * i + 8),
  ]);
  const parts = starts.map((s, i) => points.slice(s, starts[i + 1] ?? numPoints));
  return { type, box, parts, length: content.length };
}

test('a point is type 1 with x then y', () => {
  const shape = encodeShape({ type: 'Point', coordinates: [4.85, 45.75] });
  assert.equal(shape?.family, 'point');
  assert.equal(shape?.content.length, 20);
  assert.equal(shape?.content.readInt32LE(0), 1);
  assert.equal(shape?.content.readDoubleLE(4), 4.85);
  assert.equal(shape?.content.readDoubleLE(12), 45.75);
});

test('polygon rings: outer clockwise, holes counter-clockwise, whatever GeoJSON gave', () => {
  // GeoJSON (RFC 7946) winds outer rings counter-clockwise and holes clockwise.
  const outer = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ];
  const hole = [
    [2, 2],
    [2, 4],
    [4, 4],
    [4, 2],
    [2, 2],
  ];
  const shape = encodeShape({ type: 'Polygon', coordinates: [outer, hole] });
  const read = readParts(shape!.content);
  assert.equal(read.type, 5);
  assert.deepEqual(read.box, [0, 0, 10, 10]);
  assert.deepEqual(read.parts[0], [...outer].reverse());
  assert.deepEqual(read.parts[1], [...hole].reverse());
  assert.equal(read.length, 44 + 2 * 4 + 10 * 16);
});

test('multi-polygons flatten their rings into parts; lines are type 3', () => {
  const square = (x: number) => [
    [x, 0],
    [x, 1],
    [x + 1, 1],
    [x + 1, 0],
    [x, 0],
  ];
  const multi = encodeShape({ type: 'MultiPolygon', coordinates: [[square(0)], [square(5)]] });
  const read = readParts(multi!.content);
  assert.equal(read.parts.length, 2);
  assert.deepEqual(read.parts[1], square(5), 'already clockwise: kept');
  const line = encodeShape({
    type: 'MultiLineString',
    coordinates: [
      [
        [0, 0],
        [1, 1],
      ],
      [
        [2, 2],
        [3, 3, 9],
      ],
    ],
  });
  assert.equal(line?.family, 'polyline');
  assert.deepEqual(readParts(line!.content).parts, [
    [
      [0, 0],
      [1, 1],
    ],
    [
      [2, 2],
      [3, 3],
    ],
  ]);
});

test('empty geometries and collections have no shape', () => {
  assert.equal(encodeShape({ type: 'LineString', coordinates: [[0, 0]] }), null);
  assert.equal(encodeShape({ type: 'GeometryCollection', geometries: [] }), null);
  const mp = encodeShape({
    type: 'MultiPoint',
    coordinates: [
      [1, 2],
      [3, 4],
    ],
  });
  assert.equal(mp?.content.readInt32LE(0), 8);
  assert.equal(mp?.content.readInt32LE(36), 2);
});
