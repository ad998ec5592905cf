import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { emptyMetas } from '../../../src/core/dataset.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { getJson, startTestPortal, TEST_ENGINES } from '../../helpers/test-portal.ts';

interface Node {
  value: string;
  count: number;
  state: string;
  facets?: Node[];
}

for (const engine of TEST_ENGINES)
  describe(`catalog facets and catalog refines (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine, demo: true });
      await portal.engine.metadata.saveDataset({
        id: 'abattoirs',
        metas: {
          ...emptyMetas('Abattoirs agréés'),
          theme: ['Alimentation'],
          publisher: 'DGAL',
          keyword: ['abattoir'],
        },
      });
      await portal.engine.metadata.saveDataset({
        id: 'budget',
        metas: { ...emptyMetas('Budget'), theme: ['Finances'], publisher: 'Ministère' },
      });
    });
    after(async () => portal.close());

    async function facets(query = ''): Promise<Map<string, Node[]>> {
      const { status, body } = await getJson(portal, `/api/explore/v2.1/catalog/facets${query}`);
      assert.equal(status, 200, JSON.stringify(body));
      return new Map(
        (body['facets'] as { name: string; facets: Node[] }[]).map((g) => [g.name, g.facets]),
      );
    }

    test('every catalog facet is counted over the public datasets', async () => {
      const all = await facets();
      assert.deepEqual(
        [...all.keys()],
        ['publisher', 'theme', 'keyword', 'language', 'license', 'features', 'modified'],
      );
      assert.deepEqual(
        all.get('theme')?.map((n) => [n.value, n.count]),
        [
          ['Alimentation', 2],
          ['Finances', 1],
          ['Santé', 1],
        ],
      );
      const year = String(new Date().getUTCFullYear());
      assert.deepEqual(
        all.get('modified')?.map((n) => [n.value, n.count]),
        [[year, 3]],
      );
    });

    test('refine and exclude filter the catalog and mark facet states', async () => {
      const refine = encodeURIComponent('theme:"Alimentation"');
      const list = await getJson(portal, `/api/explore/v2.1/catalog/datasets?refine=${refine}`);
      assert.equal(list.body['total_count'], 2);
      const narrowed = await facets(`?facet=theme&facet=publisher&refine=${refine}`);
      assert.equal(
        narrowed.get('theme')?.find((n) => n.value === 'Alimentation')?.state,
        'refined',
      );
      assert.deepEqual(
        narrowed
          .get('publisher')
          ?.map((n) => n.value)
          .sort(),
        ['DGAL', "Direction générale de l'alimentation (DGAL)"],
      );
      const excluded = await getJson(
        portal,
        `/api/explore/v2.1/catalog/datasets?exclude=${encodeURIComponent('publisher:"DGAL"')}`,
      );
      assert.equal(excluded.body['total_count'], 2);
      const year = new Date().getUTCFullYear();
      const byYear = await getJson(
        portal,
        `/api/explore/v2.1/catalog/datasets?refine=modified:${year}`,
      );
      assert.equal(byYear.body['total_count'], 3);
    });

    test('an unknown catalog facet is a 400', async () => {
      for (const url of [
        '/api/explore/v2.1/catalog/facets?facet=colour',
        '/api/explore/v2.1/catalog/datasets?refine=colour:red',
      ]) {
        const { status, body } = await getJson(portal, url);
        assert.equal(status, 400, url);
        assert.equal(body['error_code'], 'InvalidRESTParameterError');
      }
    });
  });
