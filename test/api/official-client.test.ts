// The official Opendatasoft client (@opendatasoft/api-client), unchanged, against a running
// Datagora: catalog, dataset, records, aggregations, facets, exports and a record.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import odsClient from '@opendatasoft/api-client';

import { demoRows } from '../helpers/demo-csv.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const { ApiClient, NotFoundError, UserError, fromCatalog } = odsClient;

interface Records {
  total_count?: number;
  results: Record<string, unknown>[];
}

for (const engine of TEST_ENGINES) {
  describe(`the official ODS client against Datagora (${engine})`, () => {
    let portal: TestPortal;
    let client: InstanceType<typeof ApiClient>;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      const address = await portal.app.listen({ port: 0, host: '127.0.0.1' });
      client = new ApiClient({ domain: address });
    });
    after(async () => portal.close());

    const dataset = () => fromCatalog().dataset('export_alimconfiance');

    test('catalog and dataset', async () => {
      const catalog = await client.get<Records>(fromCatalog().datasets().limit(10));
      assert.equal(catalog.total_count, 1);
      const itself = await client.get<{ dataset_id: string }>(dataset().itself());
      assert.equal(itself.dataset_id, 'export_alimconfiance');
    });

    test('records with where, order_by and limit, built by the query builder', async () => {
      const page = await client.get<Records>(
        dataset()
          .records()
          .select('siret, date_inspection')
          .where('code_postal = "75009"')
          .orderBy('date_inspection desc')
          .limit(5),
      );
      assert.equal(page.total_count, demoRows().filter((r) => r['Code_postal'] === '75009').length);
      assert.equal(page.results.length, 5);
      const refined = await client.get<Records>(
        dataset().records().refine('synthese_eval_sanit:"A améliorer"').limit(0),
      );
      assert.equal(
        refined.total_count,
        demoRows().filter((r) => r['Synthese_eval_sanit'] === 'A améliorer').length,
      );
    });

    test('aggregations', async () => {
      const groups = await client.get<Records>(
        dataset()
          .records()
          .select('synthese_eval_sanit, count(*) as n')
          .groupBy('synthese_eval_sanit')
          .orderBy('n desc'),
      );
      assert.equal(groups.results.length, 4);
      const total = groups.results.reduce((sum, g) => sum + Number(g['n']), 0);
      assert.equal(total, demoRows().length);
    });

    test('facets', async () => {
      const facets = await client.get<{ facets: { name: string; facets: { count: number }[] }[] }>(
        dataset().facets().facet('synthese_eval_sanit'),
      );
      assert.equal(facets.facets[0]?.name, 'synthese_eval_sanit');
      assert.equal(
        facets.facets[0]?.facets.reduce((sum, f) => sum + f.count, 0),
        demoRows().length,
      );
    });

    test('exports and a record', async () => {
      const exported = await client.get<Record<string, unknown>[]>(
        dataset().export('json').where('siret = "75052913300019"'),
      );
      assert.equal(exported.length, 1);
      assert.equal(exported[0]?.['siret'], '75052913300019');
      const geojson = await client.get<{ type: string }>(dataset().export('geojson').limit(3));
      assert.equal(geojson.type, 'FeatureCollection');
    });

    test('errors map to the client error classes', async () => {
      await assert.rejects(
        client.get(dataset().records().limit(101)),
        (error: unknown) => error instanceof UserError && /limit/.test(String(error.message)),
      );
      await assert.rejects(
        client.get(fromCatalog().dataset('nope').records()),
        (error: unknown) => error instanceof NotFoundError,
      );
    });
  });
}
