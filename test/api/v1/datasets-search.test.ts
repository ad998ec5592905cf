import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DEMO_ID, FIXTURE_DATASETS, addFixtureDatasets } from '../../helpers/catalog-fixture.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const SEARCH = '/api/datasets/1.0/search/';

for (const engine of TEST_ENGINES)
  describe(`API v1 dataset search over metadata (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      await addFixtureDatasets(portal);
    });
    after(async () => portal.close());

    async function search(params: [string, string][]) {
      const { status, body } = await getJson(portal, `${SEARCH}?${new URLSearchParams(params)}`);
      assert.equal(status, 200, JSON.stringify(body));
      return {
        nhits: body['nhits'] as number,
        ids: (body['datasets'] as { datasetid: string }[]).map((d) => d.datasetid),
        body,
      };
    }

    test('q: words, field queries, comparisons and boolean operators', async () => {
      assert.deepEqual((await search([['q', 'budget']])).ids, ['budget']);
      const lyon = FIXTURE_DATASETS.filter((d) => d.publisher === 'Ville de Lyon').map((d) => d.id);
      assert.deepEqual((await search([['q', 'publisher:"Ville de Lyon"']])).ids, lyon);
      assert.deepEqual((await search([['q', 'records_count>=1']])).ids, [DEMO_ID]);
      assert.deepEqual((await search([['q', 'theme:Finances OR theme:Environnement']])).ids, [
        'arbres',
        'budget',
      ]);
      assert.deepEqual((await search([['q', 'repas AND NOT budget']])).ids, ['cantines']);
      const year = new Date().getUTCFullYear();
      assert.equal((await search([['q', `modified>=${year}/01/01`]])).nhits, 5);
    });

    test('sort is descending unless prefixed with -, rows and start page', async () => {
      const titles = FIXTURE_DATASETS.map((d) => d.id).sort();
      const ascending = await search([
        ['q', 'records_count<1'],
        ['sort', '-dataset_id'],
        ['rows', '2'],
        ['start', '1'],
      ]);
      assert.equal(ascending.nhits, FIXTURE_DATASETS.length);
      assert.deepEqual(ascending.ids, titles.slice(1, 3));
      const descending = await search([
        ['q', 'records_count<1'],
        ['sort', 'dataset_id'],
      ]);
      assert.deepEqual(descending.ids, [...titles].reverse());
      assert.deepEqual(descending.body['parameters'], {
        rows: 10,
        format: 'json',
        q: 'records_count<1',
        sort: ['dataset_id'],
      });
    });

    test('refine.X, exclude.X and facets combine with q', async () => {
      const found = await search([
        ['refine.publisher', 'Ville de Lyon'],
        ['exclude.theme', 'Finances'],
      ]);
      assert.deepEqual(found.ids, ['arbres']);
      const faceted = await search([
        ['q', 'records_count<1'],
        ['facet', 'publisher'],
      ]);
      const groups = faceted.body['facet_groups'] as {
        name: string;
        facets: { path: string; count: number }[];
      }[];
      assert.deepEqual(
        groups[0]?.facets.map((f) => [f.path, f.count]),
        [
          ['Ville de Lyon', 2],
          ['Metropole', 1],
        ],
      );
    });

    test('a q that cannot be read is a 400', async () => {
      const { status, body } = await getJson(
        portal,
        `${SEARCH}?q=${encodeURIComponent('(budget')}`,
      );
      assert.equal(status, 400);
      assert.equal(body['error_code'], 'ODSQLError');
    });
  });
