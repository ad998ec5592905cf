// The API tab's console, driven by the served OpenAPI document: its operations and parameters
// come from the document, and without JavaScript the server runs the request through the API.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../helpers/demo-csv.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { getPage, startSitePortal } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

const API_TAB = '/explore/dataset/export_alimconfiance/api/';
const RECORDS = 'getCatalogDatasetsByDatasetIdRecords';

interface DocOperation {
  operationId: string;
  parameters: { name: string; in: string }[];
}

for (const engine of TEST_ENGINES)
  describe(`the API console (${engine})`, () => {
    let portal: TestPortal;
    let doc: { paths: Record<string, Record<string, DocOperation>> };
    before(async () => {
      portal = await startSitePortal({ engine, extra: false });
      doc = (await portal.app.inject({ url: '/api/explore/v2.1/openapi.json' })).json();
    });
    after(async () => portal.close());

    test('lists every GET operation of the OpenAPI document on a dataset', async () => {
      const expected = Object.entries(doc.paths)
        .filter(
          ([path, ops]) =>
            ops['get'] &&
            (path.includes('{dataset_id}') ||
              ops['get'].parameters.some((p) => p.name === 'dataset')),
        )
        .map(([, ops]) => ops['get']!.operationId);
      const page = await getPage(portal, API_TAB);
      assert.equal(page.status, 200);
      const options = page.dom.querySelectorAll('#console-endpoint option');
      assert.deepEqual(
        options.map((o) => o.getAttribute('value')),
        expected,
      );
      assert.ok(expected.includes('getV1RecordsSearch'));
      const selected = options.find((o) => o.hasAttribute('selected'));
      assert.equal(selected?.getAttribute('value'), RECORDS);
      assert.equal(page.dom.querySelector('#console-answer'), null, 'nothing run yet');
      assert.ok(page.html.includes('src="/static/js/api-console.js"'));
    });

    test('the fields are the parameters the document gives the chosen operation', async () => {
      for (const [path, ops] of Object.entries(doc.paths)) {
        const op = ops['get'];
        if (
          !op ||
          !['getCatalogDatasetsByDatasetIdFacets', 'getV1RecordsAnalyze'].includes(op.operationId)
        )
          continue;
        const page = await getPage(portal, `${API_TAB}?endpoint=${op.operationId}`);
        const names = page.dom
          .querySelectorAll('#console-fields [name]')
          .map((e) => e.getAttribute('name'));
        const expected = op.parameters
          .filter((p) => p.in === 'query' && p.name !== 'dataset')
          .map((p) => `p.${p.name.replace(/<(\w+)>/g, '$1')}`);
        assert.deepEqual(names, expected, path);
      }
    });

    test('runs ODSQL through the API and shows the answer, or ODS’s error body', async () => {
      const where = encodeURIComponent('code_postal = "75009"');
      const select = encodeURIComponent('count(*) as n');
      const page = await getPage(
        portal,
        `${API_TAB}?endpoint=${RECORDS}&run=1&p.select=${select}&p.where=${where}`,
      );
      assert.equal(page.status, 200);
      const body = JSON.parse(page.dom.querySelector('#console-answer pre')!.text);
      assert.deepEqual(body, {
        results: [{ n: demoRows().filter((r) => r['Code_postal'] === '75009').length }],
      });
      const request = page.dom.querySelector('#console-answer a')!.getAttribute('href')!;
      const direct = await portal.app.inject({ url: request });
      assert.deepEqual(direct.json(), body, 'the link is the request the console ran');
      const bad = await getPage(portal, `${API_TAB}?endpoint=${RECORDS}&run=1&p.where=nope%3D1`);
      assert.equal(bad.status, 400);
      assert.equal(
        JSON.parse(bad.dom.querySelector('#console-answer pre')!.text).error_code,
        'ODSQLError',
      );
      const limit = await getPage(portal, `${API_TAB}?endpoint=${RECORDS}&run=1&p.limit=abc`);
      assert.equal(limit.status, 400);
      assert.match(
        limit.dom.querySelector('#console-answer pre')!.text,
        /InvalidRESTParameterError/,
      );
    });

    test('runs an API v1 operation, the dataset filled in', async () => {
      const page = await getPage(
        portal,
        `${API_TAB}?endpoint=getV1RecordsSearch&run=1&p.rows=2&p.q=${encodeURIComponent('code_postal:75009')}`,
      );
      assert.equal(page.status, 200);
      const body = JSON.parse(page.dom.querySelector('#console-answer pre')!.text);
      assert.equal(body.nhits, demoRows().filter((r) => r['Code_postal'] === '75009').length);
      assert.equal(body.records.length, 2);
    });

    test('a fresh console starts from the tab’s filters; files are given as a link', async () => {
      const page = await getPage(
        portal,
        `${API_TAB}?q=pizza&refine.synthese_eval_sanit=Satisfaisant`,
      );
      assert.equal(page.dom.querySelector('#console-p-qv1')!.text, 'pizza');
      assert.equal(
        page.dom.querySelector('#console-p-refine')!.text,
        'synthese_eval_sanit:"Satisfaisant"',
      );
      const hidden = page.dom
        .querySelectorAll('#api-console input[type=hidden]')
        .map((e) => e.getAttribute('name'));
      assert.ok(hidden.includes('q') && hidden.includes('refine.synthese_eval_sanit'));
      const file = await getPage(
        portal,
        `${API_TAB}?endpoint=getCatalogDatasetsByDatasetIdExportsByFormat&run=1&path.format=csv&p.limit=3`,
      );
      assert.equal(file.status, 200);
      assert.equal(file.dom.querySelector('#console-answer pre'), null);
      const href = file.dom.querySelector('#console-answer a')!.getAttribute('href')!;
      assert.equal(
        href,
        '/api/explore/v2.1/catalog/datasets/export_alimconfiance/exports/csv/?limit=3',
      );
      assert.equal((await portal.app.inject({ url: href })).statusCode, 200);
    });

    test('the console script is served and small', async () => {
      const script = await portal.app.inject({ url: '/static/js/api-console.js' });
      assert.equal(script.statusCode, 200);
      assert.ok(script.body.includes('openapi'));
    });
  });
