// API v1 /api/records/1.0/geocluster/ on both engines, over the ODSQL conformance dataset:
// at zoom 0 a cluster cell is 40 px × 360° / 256 px = 56.25°, so the five French points share
// a cell, New York (d) and Mumbai (e) each have their own, and f has no point.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES } from '../../helpers/test-portal.ts';
import { ROWS } from '../../odsql/conformance/dataset.ts';
import { startConformancePortal } from '../../odsql/conformance/portal.ts';

const GEOCLUSTER = '/api/records/1.0/geocluster/?dataset=conformance&';

interface Answer {
  clusters: {
    cluster_center: [number, number];
    count: number;
    series?: Record<string, number>;
    cluster: { type: string };
  }[];
  count: { min: number; max: number };
  series?: Record<string, { min: number; max: number }>;
  clusterprecision: number;
}

/** The mean [lat, lon] of some records of the dataset. */
function centre(ids: string): [number, number] {
  const points = ROWS.filter((r) => ids.includes(r[0] as string)).map(
    (r) => r[9] as { lat: number; lon: number },
  );
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return [mean(points.map((p) => p.lat)), mean(points.map((p) => p.lon))];
}

function near(actual: [number, number], expected: [number, number]): void {
  assert.ok(
    Math.abs(actual[0] - expected[0]) < 1e-9 && Math.abs(actual[1] - expected[1]) < 1e-9,
    `${actual} ≠ ${expected}`,
  );
}

for (const engine of TEST_ENGINES)
  describe(`API v1 /api/records/1.0/geocluster/ (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startConformancePortal(engine);
    });
    after(async () => portal.close());

    async function geocluster(query: string, status = 200) {
      const response = await portal.app.inject({ method: 'GET', url: `${GEOCLUSTER}${query}` });
      assert.equal(response.statusCode, status, response.body);
      return response.json() as Answer;
    }

    test('clusters with centres, counts, envelopes and series', async () => {
      const answer = await geocluster('clusterprecision=0&y.s.func=SUM&y.s.expr=n');
      const clusters = [...answer.clusters].sort(
        (p, q) => q.count - p.count || p.cluster_center[0] - q.cluster_center[0],
      );
      assert.deepEqual(
        clusters.map((c) => [c.count, c.series]),
        [
          [5, { s: 125 }], // a b c g h: 10 + 20 + null - 5 + 100
          [1, { s: 0 }], // e
          [1, { s: 30 }], // d
        ],
      );
      near(clusters[0]?.cluster_center as [number, number], centre('abcgh'));
      near(clusters[1]?.cluster_center as [number, number], centre('e'));
      near(clusters[2]?.cluster_center as [number, number], centre('d'));
      assert.equal(clusters[0]?.cluster.type, 'Polygon');
      assert.deepEqual(answer.count, { min: 1, max: 5 });
      assert.deepEqual(answer.series, { s: { min: 0, max: 125 } });
      assert.equal(answer.clusterprecision, 0);
    });

    test('filters apply; no series gives no series keys', async () => {
      // n > 15: b, d, h.
      const answer = await geocluster(`clusterprecision=0&q=${encodeURIComponent('n>15')}`);
      const counts = answer.clusters.map((c) => c.count).sort();
      assert.deepEqual(counts, [1, 2]);
      assert.equal(answer.series, undefined);
      assert.equal(answer.clusters[0]?.series, undefined);
    });

    test('a higher precision splits the French cluster', async () => {
      // At zoom 10 a cell is 0.0549316°: Paris (a, c, g, h) is cell (889, 42), Lyon (b) another.
      const answer = await geocluster('clusterprecision=10');
      assert.deepEqual(answer.clusters.map((c) => c.count).sort(), [1, 1, 1, 4]);
      assert.deepEqual(answer.count, { min: 1, max: 4 });
    });

    test('nothing matching: no clusters', async () => {
      const answer = await geocluster(`clusterprecision=3&q=${encodeURIComponent('n>1000')}`);
      assert.deepEqual(answer, { clusters: [], count: { min: 0, max: 0 }, clusterprecision: 3 });
    });

    test('400 without clusterprecision, and for a dataset without points', async () => {
      await geocluster('', 400);
      await geocluster('clusterprecision=-1', 400);
      const response = await portal.app.inject({
        url: '/api/records/1.0/geocluster/?dataset=secret&clusterprecision=3',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /geo_point_2d/);
    });
  });
