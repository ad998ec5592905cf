// Grouping by a multivalued field on both engines: a value repeated in one record counts that
// record once, and the group counts agree with the facet counts under refine and exclude.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { Row } from '../../src/core/cell.ts';
import { makeField } from '../../src/core/field.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../helpers/test-portal.ts';
import { recordsUrl } from './conformance/portal.ts';

const ID = 'shops';
const FIELDS = [makeField('id', 'text'), makeField('kinds', 'text', { multivalued: [','] })];
const ROWS: Row[] = [
  ['1', ['bar', 'bar', 'cafe']],
  ['2', ['cafe']],
  ['3', ['tabac', 'bar']],
  ['4', null],
  ['5', ['bar', 'cafe', 'bar', 'cafe']],
];
const RECORDS = `/api/explore/v2.1/catalog/datasets/${ID}/records`;
const FACETS = `/api/explore/v2.1/catalog/datasets/${ID}/facets`;

for (const engine of TEST_ENGINES)
  describe(`group_by a multivalued field (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
      await portal.engine.metadata.saveDataset({ id: ID, metas: emptyMetas(ID) });
      const writer = await portal.engine.beginVersion({
        datasetId: ID,
        fields: FIELDS,
        source: 'x',
      });
      await writer.append(ROWS);
      await writer.commit();
    });
    after(async () => portal.close());

    const groups = async (extra: Record<string, string>) => {
      const url = recordsUrl(
        { select: 'kinds, count(*) as c', group_by: 'kinds', order_by: 'kinds', ...extra },
        RECORDS,
      );
      const { status, body } = await getJson(portal, url);
      assert.equal(status, 200, JSON.stringify(body));
      return body.results ?? [];
    };

    test('a value repeated in a record counts the record once', async () => {
      assert.deepEqual(await groups({}), [
        { kinds: 'bar', c: 3 },
        { kinds: 'cafe', c: 3 },
        { kinds: 'tabac', c: 1 },
        { kinds: null, c: 1 },
      ]);
    });

    test('exports group the same way', async () => {
      const url = recordsUrl(
        { select: 'kinds, count(*) as c', group_by: 'kinds', order_by: 'kinds', with_bom: 'false' },
        `/api/explore/v2.1/catalog/datasets/${ID}/exports/csv`,
      );
      const response = await portal.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.body.trim().split(/\r?\n/), [
        'kinds;c',
        'bar;3',
        'cafe;3',
        'tabac;1',
        ';1',
      ]);
    });

    const filters: Record<string, string>[] = [
      {},
      { refine: 'kinds:cafe' },
      { exclude: 'kinds:tabac' },
    ];
    for (const filter of filters)
      test(`group counts equal facet counts ${JSON.stringify(filter)}`, async () => {
        const { body } = await getJson(portal, recordsUrl({ facet: 'kinds', ...filter }, FACETS));
        const facets = (
          body['facets'] as { facets: { name: string; count: number; state: string }[] }[]
        )[0];
        const counted = (facets?.facets ?? [])
          .filter((f) => f.state !== 'excluded')
          .map((f) => [f.name, f.count])
          .sort();
        const grouped = (await groups(filter))
          .filter((g) => g['kinds'] !== null)
          .map((g) => [g['kinds'], g['c']])
          .sort();
        assert.deepEqual(grouped, counted);
      });
  });
