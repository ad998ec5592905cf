import assert from 'node:assert/strict';
import { test } from 'node:test';

import proj4 from 'proj4';

import { PortalError } from '../../core/errors.ts';
import { prepareReprojection, reprojection } from './epsg.ts';

// proj4 is imported when a system other than WGS 84 is first asked.
await prepareReprojection(2154);

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected} ± ${tolerance}`);

test('4326 passes positions through unchanged', () => {
  const r = reprojection(4326);
  assert.equal(r.identity, true);
  assert.deepEqual(r.position(4.85, 45.75), [4.85, 45.75]);
});

test('3857 follows the spherical Mercator formulas', () => {
  const R = 6378137;
  const [lon, lat] = [2.35, 48.85];
  const [x, y] = reprojection(3857).position(lon, lat);
  close(x, (R * lon * Math.PI) / 180, 1e-6);
  close(y, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)), 1e-6);
});

test('2154 puts its origin at (700000, 6600000) and its central meridian at x = 700000', () => {
  const r = reprojection(2154);
  const [x0, y0] = r.position(3, 46.5);
  close(x0, 700000, 1e-3);
  close(y0, 6600000, 1e-3);
  const [x, y] = r.position(3, 49);
  close(x, 700000, 1e-3);
  assert.ok(y > 6600000 + 270000 && y < 6600000 + 290000, `${y}: ~2.5° of latitude north`);
});

test('the .prj WKT describes the same projection as the proj4 definition', () => {
  const r = reprojection(2154);
  const [x, y] = r.position(-1.55, 47.22);
  const [lon, lat] = proj4(r.prj, 'EPSG:4326').forward([x, y]);
  close(lon as number, -1.55, 1e-7);
  close(lat as number, 47.22, 1e-7);
});

test('geometries are moved at every depth, extra ordinates kept', () => {
  const r = reprojection(3857);
  const moved = r.geometry({
    type: 'Polygon',
    coordinates: [
      [
        [0, 0, 12],
        [1, 0],
        [0, 1],
        [0, 0, 12],
      ],
    ],
  });
  const ring = (moved.coordinates as number[][][])[0]!;
  close(ring[0]![0]!, 0, 1e-6);
  close(ring[0]![1]!, 0, 1e-6);
  assert.equal(ring[0]![2], 12);
  assert.equal(ring[1]!.length, 2);
  close(ring[1]![0]!, (6378137 * Math.PI) / 180, 1e-6);
});

test('an unknown code is a 400 InvalidRESTParameterError', () => {
  assert.throws(
    () => reprojection(9999),
    (error: unknown) =>
      error instanceof PortalError && /epsg API parameter: 9999/.test(error.message),
  );
});
