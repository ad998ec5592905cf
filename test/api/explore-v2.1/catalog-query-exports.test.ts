import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import ExcelJS from 'exceljs';
import Papa from 'papaparse';

import { DEMO_ID, FIXTURE_DATASETS, addFixtureDatasets } from '../../helpers/catalog-fixture.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../../helpers/test-portal.ts';

const EXPORTS = '/api/explore/v2.1/catalog/exports';
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

for (const engine of TEST_ENGINES)
  describe(`catalog exports under the catalog parameters (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      await addFixtureDatasets(portal);
    });
    after(async () => portal.close());

    const get = (url: string) => portal.app.inject({ method: 'GET', url });
    const lyon = FIXTURE_DATASETS.filter((d) => d.publisher === 'Ville de Lyon');

    test('CSV: where, select and order_by choose the lines and columns', async () => {
      const params = {
        where: 'publisher = "Ville de Lyon"',
        select: 'dataset_id, title, keyword',
        order_by: 'dataset_id desc',
        with_bom: 'false',
        list_separator: '|',
      };
      const response = await get(`${EXPORTS}/csv?${q(params)}`);
      assert.equal(response.statusCode, 200, response.body);
      const parsed = Papa.parse<string[]>(response.body, { delimiter: ';', skipEmptyLines: true });
      const expected = [...lyon]
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .map((d) => [d.id, d.title, (d.keyword ?? []).join('|')]);
      assert.deepEqual(parsed.data, [['dataset_id', 'title', 'keyword'], ...expected]);
      const whole = await get(`${EXPORTS}/csv?${q({ where: 'records_count > 0' })}`);
      const lines = Papa.parse<Record<string, string>>(whole.body.replace(/^\ufeff/, ''), {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      }).data;
      assert.deepEqual(
        lines.map((l) => l['dataset_id']),
        [DEMO_ID],
      );
    });

    test('XLSX: one sheet, a header and a row per dataset, numbers typed', async () => {
      const response = await get(
        `${EXPORTS}/xlsx?${q({ select: 'dataset_id, records_count', where: 'records_count = 0' })}`,
      );
      assert.equal(response.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      assert.deepEqual(rows, [
        ['dataset_id', 'records_count'],
        ...FIXTURE_DATASETS.map((d) => [d.id, 0]),
      ]);
    });

    test('JSON, RSS and DCAT keep the datasets where and refine keep', async () => {
      const json = await get(`${EXPORTS}/json?${q({ where: '"remarquables"' })}`);
      assert.deepEqual(
        (json.json() as { dataset_id: string }[]).map((d) => d.dataset_id),
        ['arbres'],
      );
      const rss = await get(`${EXPORTS}/rss?${q({ refine: 'publisher:"Ville de Lyon"' })}`);
      assert.equal(rss.body.match(/<item>/g)?.length, lyon.length);
      const dcat = await get(`${EXPORTS}/jsonld?${q({ where: 'records_count > 0' })}`);
      const graph = dcat.json() as { 'dcat:dataset': { 'dct:identifier': string }[] };
      assert.deepEqual(
        graph['dcat:dataset'].map((d) => d['dct:identifier']),
        [DEMO_ID],
      );
      const bad = await get(`${EXPORTS}/csv?${q({ where: 'nope = 1' })}`);
      assert.equal(bad.statusCode, 400);
    });
  });
