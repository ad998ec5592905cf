// Items of the compatibility checklist (explore-api.md §12) not covered elsewhere: every
// documented path with and without its trailing slash (1); geo_shape as a Feature on v2.1, a
// bare geometry on v1 and in CSV, keys sorted (6); v1's geofilter.polygon taken lat-first (5);
// v1's extra q.<name> clauses ANDed (17).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import Papa from 'papaparse';

import { API_ROUTES } from '../../src/api/openapi/routes-table.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { makeField } from '../../src/core/field.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../helpers/test-portal.ts';

const SQUARE = [
  [2.3, 48.8],
  [2.4, 48.8],
  [2.4, 48.9],
  [2.3, 48.9],
  [2.3, 48.8],
];

for (const engine of TEST_ENGINES)
  describe(`compatibility traps (${engine})`, () => {
    let portal: TestPortal;
    let recordId: string;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      await portal.engine.metadata.saveDataset({ id: 'zones', metas: emptyMetas('Zones') });
      const writer = await portal.engine.beginVersion({
        datasetId: 'zones',
        fields: [makeField('name', 'text'), makeField('zone', 'geo_shape')],
        source: 'test',
      });
      await writer.append([['paris', { type: 'Polygon', coordinates: [SQUARE] }]]);
      await writer.commit();
      const first = await getJson(
        portal,
        '/api/records/1.0/search/?dataset=export_alimconfiance&rows=1',
      );
      recordId = (first.body['records'] as { recordid: string }[])[0]!.recordid;
    });
    after(async () => portal.close());

    test('1. every documented GET path answers alike with and without its trailing slash', async () => {
      const values: Record<string, string> = {
        dataset_id: 'export_alimconfiance',
        record_id: recordId,
        format: 'csv',
        attachment_id: 'none',
      };
      for (const route of API_ROUTES.filter((r) => r.method === 'get')) {
        const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
        // (An unknown attachment is a 404 either way: only the two statuses are compared.)
        const query = route.parameters.some((p) => p.name === 'dataset')
          ? '?dataset=export_alimconfiance&x=code_postal&clusterprecision=5&limit=1&rows=1'
          : '?limit=1';
        const bare = path.replace(/\/$/, '');
        const slashed = bare.endsWith('.json') ? bare : `${bare}/`;
        const a = await portal.app.inject({ url: `${bare}${query}` });
        const b = await portal.app.inject({ url: `${slashed}${query}` });
        assert.equal(a.statusCode, b.statusCode, route.path);
        if (route.path.includes('{attachment_id}')) continue;
        assert.notEqual(a.statusCode, 404, `${route.path} without its slash`);
        assert.ok(a.statusCode < 400, `${route.path}: ${a.statusCode} ${a.body.slice(0, 200)}`);
      }
    });

    test('6. geo_shape: a Feature with empty properties on v2.1, bare geometry on v1 and CSV', async () => {
      const v21 = await getJson(portal, '/api/explore/v2.1/catalog/datasets/zones/records');
      assert.deepEqual(v21.body.results?.[0]?.['zone'], {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [SQUARE] },
        properties: {},
      });
      const v1 = await getJson(portal, '/api/records/1.0/search/?dataset=zones');
      const [record] = v1.body['records'] as {
        fields: Record<string, unknown>;
        geometry: unknown;
      }[];
      const bare = { type: 'Polygon', coordinates: [SQUARE] };
      assert.deepEqual(record?.fields['zone'], bare);
      assert.deepEqual(record?.geometry, bare);
      const csv = await portal.app.inject({
        url: '/api/explore/v2.1/catalog/datasets/zones/exports/csv?with_bom=false',
      });
      const rows = Papa.parse<Record<string, string>>(csv.body, {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      }).data;
      const cell = rows[0]!['zone']!;
      assert.ok(cell.startsWith('{"coordinates": [['), cell);
      assert.ok(cell.endsWith('"type": "Polygon"}'), cell);
      assert.deepEqual(JSON.parse(cell), bare);
    });

    test('5. v1 geofilter.polygon is (lat,lon) pairs', async () => {
      const inside = demoRows().filter((r) => {
        const [lat, lon] = String(r['geores'] ?? '')
          .split(',')
          .map(Number);
        return lat! > 48.8 && lat! < 48.9 && lon! > 2.3 && lon! < 2.4;
      });
      assert.ok(inside.length > 0);
      const polygon = '(48.8,2.3),(48.8,2.4),(48.9,2.4),(48.9,2.3)';
      const { status, body } = await getJson(
        portal,
        `/api/records/1.0/search/?dataset=export_alimconfiance&rows=0&geofilter.polygon=${encodeURIComponent(polygon)}`,
      );
      assert.equal(status, 200);
      assert.equal(body['nhits'], inside.length);
    });

    test('17. v1 q.<name> clauses are ANDed with q', async () => {
      const search = (query: string) =>
        getJson(portal, `/api/records/1.0/search/?dataset=export_alimconfiance&rows=0&${query}`);
      const expected = demoRows().filter(
        (r) => r['Code_postal'] === '75009' && r['Synthese_eval_sanit'] === 'Satisfaisant',
      ).length;
      const both = await search(
        `q=code_postal:75009&q.level=${encodeURIComponent('synthese_eval_sanit:"Satisfaisant"')}`,
      );
      assert.equal(both.body['nhits'], expected);
      const extraOnly = await search(`q.timerange=code_postal:75009`);
      assert.equal(
        extraOnly.body['nhits'],
        demoRows().filter((r) => r['Code_postal'] === '75009').length,
      );
    });
  });
