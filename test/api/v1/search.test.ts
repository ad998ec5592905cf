import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const SEARCH = '/api/records/1.0/search/';

interface V1Response {
  nhits: number;
  parameters: Record<string, unknown>;
  records: {
    datasetid: string;
    recordid: string;
    fields: Record<string, unknown>;
    geometry?: unknown;
    record_timestamp: string;
  }[];
  facet_groups?: {
    name: string;
    facets: { name: string; path: string; count: number; state: string }[];
  }[];
}

for (const engine of TEST_ENGINES) {
  describe(`API v1 /api/records/1.0/search/ (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    async function search(query: string): Promise<V1Response> {
      const { status, body } = await getJson(
        portal,
        `${SEARCH}?dataset=export_alimconfiance&${query}`,
      );
      assert.equal(status, 200, JSON.stringify(body));
      return body as unknown as V1Response;
    }

    test('answers nhits, parameters and v1 records, newest first with sort=field', async () => {
      const body = await search('q=code_postal:75009&rows=3&sort=date_inspection');
      const expected = demoRows().filter((r) => r['Code_postal'] === '75009');
      assert.equal(body.nhits, expected.length);
      assert.deepEqual(body.parameters, {
        dataset: ['export_alimconfiance'],
        timezone: 'UTC',
        rows: 3,
        format: 'json',
        q: 'code_postal:75009',
        sort: ['date_inspection'],
      });
      const dates = body.records.map((r) => Date.parse(String(r.fields['date_inspection'])));
      const newest = Math.max(...expected.map((r) => Date.parse(r['Date_inspection'] ?? '')));
      assert.equal(dates[0], newest);
      assert.ok(dates.every((d, i) => i === 0 || d <= (dates[i - 1] as number)));
      const oldest = await search('q=code_postal:75009&rows=1&sort=-date_inspection');
      assert.equal(
        Date.parse(String(oldest.records[0]?.fields['date_inspection'])),
        Math.min(...expected.map((r) => Date.parse(r['Date_inspection'] ?? ''))),
      );
    });

    test('a v1 record drops nulls, gives points as [lat, lon] and a GeoJSON geometry', async () => {
      const body = await search('q=siret:75052913300019');
      const record = body.records[0];
      assert.equal(record?.datasetid, 'export_alimconfiance');
      assert.match(record?.recordid ?? '', /^[0-9a-f]{40}$/);
      assert.deepEqual(record?.fields['geores'], [44.488403, 0.600709]);
      assert.equal('agrement' in (record?.fields ?? {}), false);
      assert.deepEqual(record?.geometry, { type: 'Point', coordinates: [0.600709, 44.488403] });
      assert.match(record?.record_timestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
      assert.deepEqual(Object.keys(record ?? {}), [
        'datasetid',
        'recordid',
        'fields',
        'geometry',
        'record_timestamp',
      ]);
      const v21 = await getJson(
        portal,
        `/api/explore/v2.1/catalog/datasets/export_alimconfiance/records/${record?.recordid}`,
      );
      assert.equal(v21.body['siret'], '75052913300019', 'the recordid is the v2.1 record id');
    });

    test('refine, facets with path and state, fields and geofilter.distance', async () => {
      const body = await search(
        `refine.synthese_eval_sanit=${encodeURIComponent('A améliorer')}&facet=synthese_eval_sanit&disjunctive.synthese_eval_sanit=true&rows=0`,
      );
      const improvable = demoRows().filter(
        (r) => r['Synthese_eval_sanit'] === 'A améliorer',
      ).length;
      assert.equal(body.nhits, improvable);
      assert.deepEqual(body.parameters['refine'], { synthese_eval_sanit: 'A améliorer' });
      const group = body.facet_groups?.[0];
      assert.equal(group?.name, 'synthese_eval_sanit');
      assert.equal(group?.facets.length, 4);
      assert.deepEqual(
        group?.facets.find((f) => f.path === 'A améliorer'),
        { name: 'A améliorer', path: 'A améliorer', count: improvable, state: 'refined' },
      );
      const near = await search('geofilter.distance=44.488403,0.600709,50&fields=siret');
      assert.ok(near.records.some((r) => r.fields['siret'] === '75052913300019'));
      assert.ok(near.records.every((r) => Object.keys(r.fields).join() === 'siret'));
    });

    test('POST takes the same parameters as a form', async () => {
      const response = await portal.app.inject({
        method: 'POST',
        url: SEARCH,
        payload: 'dataset=export_alimconfiance&q=code_postal%3A75009&rows=0',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(response.statusCode, 200);
      assert.equal(
        (response.json() as V1Response).nhits,
        demoRows().filter((r) => r['Code_postal'] === '75009').length,
      );
    });

    test('q sub-forms: field:(a OR b) and field:-value (records without the value)', async () => {
      const postcodes = demoRows().map((r) => r['Code_postal']);
      const count = (keep: (postcode: string | undefined) => boolean) =>
        postcodes.filter(keep).length;
      const either = await search('q=code_postal:(75009 OR 75010)&rows=0');
      assert.equal(
        either.nhits,
        count((p) => p === '75009' || p === '75010'),
      );
      assert.ok(either.nhits > count((p) => p === '75009'));
      const without = await search('q=code_postal:-75009&rows=0');
      assert.equal(
        without.nhits,
        count((p) => p !== '75009'),
      );
      const mixed = await search(
        `q=${encodeURIComponent('code_postal:(75009 OR 75010 OR 75011) AND code_postal:(-75010 AND NOT "75011")')}&rows=0`,
      );
      assert.equal(
        mixed.nhits,
        count((p) => p === '75009'),
      );
    });

    test('bad requests answer ODS errors', async () => {
      for (const [url, status] of [
        [SEARCH, 400],
        [`${SEARCH}?dataset=nope`, 404],
        [`${SEARCH}?dataset=export_alimconfiance&rows=100&start=9950`, 400],
        [`${SEARCH}?dataset=export_alimconfiance&q=(pizza`, 400],
        [`${SEARCH}?dataset=export_alimconfiance&q=code_postal:(75009 OR`, 400],
        [`${SEARCH}?dataset=export_alimconfiance&q=${'('.repeat(5000)}pizza`, 400],
        [`${SEARCH}?dataset=export_alimconfiance&geofilter.distance=abc`, 400],
      ] as const) {
        const response = await getJson(portal, url);
        assert.equal(response.status, status, url);
        assert.equal(typeof response.body['error_code'], 'string', url);
      }
    });
  });
}
