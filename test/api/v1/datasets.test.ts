import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { getJson, startTestPortal, TEST_ENGINES } from '../../helpers/test-portal.ts';

for (const engine of TEST_ENGINES)
  describe(`API v1 dataset endpoints (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({
        engine,
        demo: true,
        env: { DATAGORA_BASE_URL: 'https://data.example.org' },
      });
    });
    after(async () => portal.close());

    test('/api/datasets/1.0/{id}/ answers the v1 dataset, annotations as a list', async () => {
      const { status, body } = await getJson(portal, '/api/datasets/1.0/export_alimconfiance/');
      assert.equal(status, 200);
      assert.equal(body['datasetid'], 'export_alimconfiance');
      assert.equal(body['has_records'], true);
      const metas = body['metas'] as Record<string, unknown>;
      assert.equal(metas['records_count'], demoRows().length);
      assert.equal(metas['domain'], 'data.example.org');
      assert.equal(
        metas['title'],
        "Alimentation : résultats des contrôles sanitaires (Alim'confiance)",
      );
      const fields = body['fields'] as { name: string; annotations: unknown[] }[];
      assert.deepEqual(fields.find((f) => f.name === 'filtre')?.annotations, [
        { name: 'facet' },
        { name: 'disjunctive' },
        { name: 'multivalued', args: [','] },
      ]);
      const missing = await getJson(portal, '/api/datasets/1.0/nope/');
      assert.equal(missing.status, 404);
    });

    test('/api/datasets/1.0/search/ finds datasets by words, refines and facets', async () => {
      const found = await getJson(
        portal,
        '/api/datasets/1.0/search/?q=controles+sanitaires&facet=theme',
      );
      assert.equal(found.status, 200);
      assert.equal(found.body['nhits'], 1);
      assert.equal(
        (found.body['datasets'] as { datasetid: string }[])[0]?.datasetid,
        'export_alimconfiance',
      );
      const groups = found.body['facet_groups'] as {
        name: string;
        facets: { path: string; count: number }[];
      }[];
      assert.deepEqual(
        groups[0]?.facets.map((f) => [f.path, f.count]),
        [
          ['Alimentation', 1],
          ['Santé', 1],
        ],
      );
      const none = await getJson(portal, '/api/datasets/1.0/search/?q=budget');
      assert.equal(none.body['nhits'], 0);
      const refined = await getJson(portal, '/api/datasets/1.0/search/?refine.theme=Sant%C3%A9');
      assert.equal(refined.body['nhits'], 1);
    });
  });
