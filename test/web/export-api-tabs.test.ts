// The export and API tabs: formats and links with the table's filters, and the API URLs
// (the console has its own file, api-console.test.ts).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import { getPage, startSitePortal, texts } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

const BASE = '/explore/dataset/export_alimconfiance';
const FILTER = 'refine.synthese_eval_sanit=Satisfaisant';

for (const engine of TEST_ENGINES)
  describe(`export and API tabs (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startSitePortal({ engine, extra: false });
    });
    after(async () => portal.close());

    test('the export tab lists each format with the filters applied, and the links work', async () => {
      const page = await getPage(portal, `${BASE}/export/?${FILTER}`);
      assert.equal(page.status, 200);
      const formats = texts(page.dom, '#export-formats tbody th');
      assert.deepEqual(formats, [
        'CSV',
        'JSON',
        'JSONL',
        'XLSX',
        'PARQUET',
        'GEOJSON',
        'SHP',
        'KML',
        'GPX',
      ]);
      const api = await portal.app.inject({
        url: '/api/explore/v2.1/catalog/datasets/export_alimconfiance/exports',
      });
      const listed = (api.json()._links as { rel: string }[])
        .map((l) => l.rel.toUpperCase())
        .filter((r) => r !== 'SELF');
      assert.deepEqual(
        [...listed].sort(),
        [...formats].sort(),
        'the same formats as the API lists',
      );
      const csvLink = page.dom.querySelector('#export-formats tbody a')!.getAttribute('href')!;
      const url = new URL(csvLink);
      assert.equal(url.origin, 'https://data.example.fr');
      const response = await portal.app.inject({ url: `${url.pathname}${url.search}` });
      assert.equal(response.statusCode, 200);
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      const expected = demoRows().filter((r) => r['Synthese_eval_sanit'] === 'Satisfaisant').length;
      assert.equal(lines.length - 1, expected);
      assert.ok(texts(page.dom, 'a.fr-tag')[0]?.includes('Satisfaisant'), 'the filter is shown');
      const sizes = texts(page.dom, '#export-formats tbody td').filter((t) => t.startsWith('≈'));
      assert.equal(sizes.length, 9);
      assert.ok(sizes.every((s) => /\d/.test(s)));
    });

    test('the tabs carry the filters from one to the other', async () => {
      const page = await getPage(portal, `${BASE}/table/?${FILTER}&page=2&fields=siret`);
      const links = page.dom.querySelectorAll('.dg-tabs a').map((a) => a.getAttribute('href'));
      assert.deepEqual(links, [
        `${BASE}/information/`,
        `${BASE}/table/?${FILTER}`,
        `${BASE}/map/?${FILTER}`,
        `${BASE}/analyze/?${FILTER}`,
        `${BASE}/export/?${FILTER}`,
        `${BASE}/api/?${FILTER}`,
      ]);
    });

    test('the API tab gives the API URLs of the current filters', async () => {
      const page = await getPage(portal, `${BASE}/api/?q=pizza&${FILTER}&sort=date_inspection`);
      const records = page.dom.querySelector('#api-records-url')!.getAttribute('value')!;
      const url = new URL(records);
      assert.equal(url.searchParams.get('qv1'), 'pizza');
      assert.equal(url.searchParams.get('refine'), 'synthese_eval_sanit:"Satisfaisant"');
      assert.equal(url.searchParams.get('order_by'), 'date_inspection desc');
      const answer = await portal.app.inject({ url: `${url.pathname}${url.search}` });
      assert.equal(answer.statusCode, 200);
      // PostgreSQL also matches the words sharing pizza's French stem (docs/odsql.md).
      const forms = engine === 'postgres' ? /^pizz(a|as|e|er)?$/ : /^pizza$/;
      const words = (r: Record<string, string>) =>
        Object.values(r)
          .join(' ')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u);
      const expected = demoRows().filter(
        (r) => r['Synthese_eval_sanit'] === 'Satisfaisant' && words(r).some((w) => forms.test(w)),
      ).length;
      assert.equal(answer.json().total_count, expected);
    });

    test('without a console query, no answer is shown', async () => {
      const page = await getPage(portal, `${BASE}/api/`);
      assert.equal(page.status, 200);
      assert.equal(page.dom.querySelector('#console-answer'), null);
    });
  });
