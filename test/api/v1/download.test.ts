import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

for (const engine of TEST_ENGINES) {
  describe(`API v1 downloads and record lookup (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    test('/api/records/1.0/download/ streams CSV with the v1 filters', async () => {
      const response = await portal.app.inject({
        method: 'GET',
        url: '/api/records/1.0/download/?dataset=export_alimconfiance&q=code_postal:75009&fields=siret,code_postal&csv_separator=,',
      });
      assert.equal(response.statusCode, 200);
      const lines = response.body.split('\r\n').filter((l) => l !== '');
      assert.equal(lines[0], 'siret,code_postal');
      assert.equal(lines.length - 1, demoRows().filter((r) => r['Code_postal'] === '75009').length);
    });

    test('format=json is an array of v1 records, the same as search gives', async () => {
      const query = 'dataset=export_alimconfiance&q=code_postal:75009&sort=-siret';
      const download = await portal.app.inject({
        method: 'GET',
        url: `/api/records/1.0/download/?${query}&format=json`,
      });
      assert.equal(download.statusCode, 200);
      const downloaded = download.json() as Record<string, unknown>[];
      const search = await getJson(portal, `/api/records/1.0/search/?${query}&rows=100`);
      assert.equal(downloaded.length, search.body['nhits']);
      assert.deepEqual(downloaded.slice(0, 100), search.body['records']);
      const front = await portal.app.inject({
        method: 'GET',
        url: '/explore/dataset/export_alimconfiance/download/?format=json&q=code_postal:75009&sort=-siret',
      });
      assert.equal((front.json() as unknown[]).length, downloaded.length);
    });

    test('a record by id in v1 shape; an unknown id is a 404', async () => {
      const search = await getJson(
        portal,
        '/api/records/1.0/search/?dataset=export_alimconfiance&q=siret:75052913300019',
      );
      const record = (search.body['records'] as { recordid: string }[])[0];
      const found = await getJson(
        portal,
        `/api/datasets/1.0/export_alimconfiance/records/${record?.recordid}/`,
      );
      assert.equal(found.status, 200);
      assert.deepEqual(found.body, record);
      const missing = await getJson(
        portal,
        `/api/datasets/1.0/export_alimconfiance/records/${'f'.repeat(40)}/`,
      );
      assert.equal(missing.status, 404);
    });
  });
}
