// The geo exports of a geo_shape dataset mixing points, lines, polygons (one with a hole) and
// a record without shape: one shapefile layer per shape type, KML geometries, GPX tracks.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Geometry } from '../../../src/core/cell.ts';
import { emptyMetas } from '../../../src/core/dataset.ts';
import { makeField } from '../../../src/core/field.ts';
import { readGpx, readKml, readZippedShapefile } from '../../helpers/geo-files.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../../helpers/test-portal.ts';

const EXPORTS = '/api/explore/v2.1/catalog/datasets/shapes/exports';

// GeoJSON winding: outer rings counter-clockwise, holes clockwise.
const SQUARE = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const HOLE = [
  [2, 2],
  [2, 4],
  [4, 4],
  [4, 2],
  [2, 2],
];
const SHAPES: [string, Geometry | null][] = [
  ['spot', { type: 'Point', coordinates: [1.5, 2.5] }],
  [
    'road',
    {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [3, 4],
      ],
    },
  ],
  ['yard', { type: 'Polygon', coordinates: [SQUARE, HOLE] }],
  [
    'isles',
    {
      type: 'MultiPolygon',
      coordinates: [
        [SQUARE.map(([x, y]) => [x! + 20, y!])],
        [SQUARE.map(([x, y]) => [x! + 40, y!])],
      ],
    },
  ],
  ['nowhere', null],
];

/** A ring as a set of vertices, so rings compare whatever their start and winding. */
const vertexSet = (ring: number[][]) =>
  [...new Set(ring.map((p) => `${p[0]} ${p[1]}`))].sort().join('|');

/** Every ring (or line) of a geometry as vertex sets, sorted. */
function rings(geometry: { type: string; coordinates?: unknown } | null): string[] {
  if (!geometry) return [];
  const c = geometry.coordinates as unknown;
  const depth = (v: unknown): number => (Array.isArray(v) ? 1 + depth(v[0]) : 0);
  const flat = (v: unknown, d: number): number[][][] =>
    d === 2 ? [v as number[][]] : (v as unknown[]).flatMap((x) => flat(x, d - 1));
  const d = depth(c);
  return d < 2 ? [vertexSet([c as number[]])] : flat(c, d).map(vertexSet).sort();
}

for (const engine of TEST_ENGINES) {
  describe(`geo exports of shapes (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
      await portal.engine.metadata.saveDataset({ id: 'shapes', metas: emptyMetas('Shapes') });
      const writer = await portal.engine.beginVersion({
        datasetId: 'shapes',
        fields: [makeField('name', 'text'), makeField('shape', 'geo_shape')],
        source: 'test',
      });
      await writer.append(SHAPES.map(([name, shape]) => [name, shape]));
      await writer.commit();
    });
    after(async () => portal.close());

    const get = (url: string) => portal.app.inject({ method: 'GET', url });

    test('a shapefile layer per shape type; the record without shape joins the first', async () => {
      const response = await get(`${EXPORTS}/shp?order_by=name`);
      assert.equal(response.statusCode, 200);
      const layers = await readZippedShapefile(response.rawPayload);
      const names = (i: number) => layers[i]?.features.map((f) => f.properties?.['name']);
      assert.deepEqual(
        layers.map((l) => l.base),
        ['shapes_point', 'shapes_polygon', 'shapes_polyline'],
      );
      assert.deepEqual(names(0), ['spot', 'nowhere']);
      assert.equal(layers[0]?.features[1]?.geometry, null);
      assert.deepEqual(names(1), ['isles', 'yard']);
      assert.deepEqual(names(2), ['road']);
      for (const layer of layers) {
        for (const feature of layer.features) {
          const source = SHAPES.find(([name]) => name === feature.properties?.['name'])?.[1];
          assert.deepEqual(rings(feature.geometry), rings(source ?? null), String(source?.type));
        }
      }
      const yard = layers[1]?.features[1]?.geometry;
      assert.equal(yard?.type, 'Polygon', 'the hole stays a hole of its polygon');
      assert.equal((yard?.coordinates as unknown[]).length, 2);
    });

    test('KML keeps each geometry type, the hole as an inner boundary', async () => {
      const features = readKml((await get(`${EXPORTS}/kml?order_by=name`)).body);
      const byName = new Map(features.map((f) => [f.properties?.['name'], f.geometry]));
      for (const [name, shape] of SHAPES) {
        const read = byName.get(name);
        const expectedType = shape?.type === 'MultiPolygon' ? 'GeometryCollection' : shape?.type;
        assert.equal(read?.type ?? undefined, expectedType, name);
        if (shape?.type !== 'MultiPolygon') assert.deepEqual(rings(read ?? null), rings(shape));
      }
    });

    test('GPX: points are waypoints, lines and rings track segments', async () => {
      const features = readGpx((await get(`${EXPORTS}/gpx?name_field=name`)).body);
      assert.deepEqual(features.map((f) => [f.properties?.['name'], f.geometry?.type]).sort(), [
        ['isles', 'MultiLineString'],
        ['road', 'LineString'],
        ['spot', 'Point'],
        ['yard', 'MultiLineString'],
      ]);
      const yard = features.find((f) => f.properties?.['name'] === 'yard');
      assert.deepEqual(rings(yard?.geometry ?? null), rings(SHAPES[2]![1]));
    });
  });
}
