// The ODSQL conformance suite: every case of conformance/cases.ts through the records API of a
// real portal, on SQLite and on PostgreSQL, checking the rows returned.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, getJson } from '../helpers/test-portal.ts';
import { CASES } from './conformance/cases.ts';
import { recordsPath, recordsUrl, startConformancePortal } from './conformance/portal.ts';

test('the conformance suite holds at least 300 cases', () => {
  assert.ok(CASES.length >= 300, `${CASES.length} cases`);
  const names = new Set(CASES.map((c) => c.name));
  assert.equal(names.size, CASES.length, 'case names are unique');
});

for (const engine of TEST_ENGINES)
  describe(`ODSQL conformance (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startConformancePortal(engine);
    });
    after(async () => portal.close());

    // Documented in docs/odsql.md: a point is tested against a polygon exactly on SQLite, by the
    // polygon's bounding box on PostgreSQL (no PostGIS). c and h are in the box, not the triangle.
    test('points in a triangle: exact on SQLite, bounding box on PostgreSQL', async () => {
      const where = "intersects(geo, geom'POLYGON((2.3 48.8, 2.4 48.8, 2.3 48.95, 2.3 48.8))')";
      const { body } = await getJson(portal, recordsUrl({ select: 'id', where }));
      const ids = (body.results ?? []).map((r) => r['id']);
      assert.deepEqual(ids, engine === 'sqlite' ? ['a', 'g'] : ['a', 'c', 'g', 'h']);
    });

    for (const c of CASES)
      test(c.name, async () => {
        const params = c.ids ? { select: 'id', limit: 100, ...c.q } : { limit: 100, ...c.q };
        const path = c.dataset ? recordsPath(c.dataset) : undefined;
        const { status, body } = await getJson(portal, recordsUrl(params, path));
        assert.equal(status, 200, JSON.stringify(body));
        const results = body.results ?? [];
        if (c.ids)
          assert.deepEqual(
            results.map((r) => r['id']),
            engine === 'postgres' && c.postgres ? c.postgres : c.ids,
          );
        else assert.deepEqual(results, c.rows);
      });
  });
