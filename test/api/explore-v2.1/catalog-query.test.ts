import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import { DEMO_ID, FIXTURE_DATASETS, addFixtureDatasets } from '../../helpers/catalog-fixture.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const DATASETS = '/api/explore/v2.1/catalog/datasets';
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

for (const engine of TEST_ENGINES)
  describe(`ODSQL over the catalog (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      await addFixtureDatasets(portal);
    });
    after(async () => portal.close());

    async function ids(params: Record<string, string>): Promise<string[]> {
      const { status, body } = await getJson(portal, `${DATASETS}?${q(params)}`);
      assert.equal(status, 200, JSON.stringify(body));
      const results = body.results ?? [];
      if (params['limit'] === undefined) assert.equal(body['total_count'], results.length);
      return results.map((r) => String(r['dataset_id']));
    }

    test('where compares metadata: records_count, publisher, themes, dates', async () => {
      assert.deepEqual(await ids({ where: 'records_count > 0' }), [DEMO_ID]);
      assert.deepEqual(await ids({ where: `records_count = ${demoRows().length}` }), [DEMO_ID]);
      const lyon = FIXTURE_DATASETS.filter((d) => d.publisher === 'Ville de Lyon').map((d) => d.id);
      assert.deepEqual(await ids({ where: 'publisher = "Ville de Lyon"' }), lyon);
      assert.deepEqual(await ids({ where: 'default.publisher = "Ville de Lyon"' }), lyon);
      const food = ['cantines', DEMO_ID].sort();
      assert.deepEqual(await ids({ where: 'theme = "Alimentation"' }), food);
      assert.deepEqual(await ids({ where: '"repas" IN keyword' }), ['cantines']);
      assert.deepEqual(await ids({ where: 'publisher IS NULL' }), ['stations']);
      const year = new Date().getUTCFullYear();
      assert.equal((await ids({ where: `year(modified) = ${year}` })).length, 5);
      assert.deepEqual(await ids({ where: `modified < date'${year - 1}'` }), []);
      assert.deepEqual(await ids({ where: '"geo" IN features' }), [DEMO_ID]);
      assert.deepEqual(await ids({ where: 'has_records' }), [DEMO_ID]);
    });

    test('full-text search: bare strings, search(), several where ANDed', async () => {
      assert.deepEqual(await ids({ where: '"budget"' }), ['budget']);
      assert.deepEqual(await ids({ where: '"ecoles"' }), ['cantines']);
      assert.deepEqual(await ids({ where: 'search("remarq")' }), ['arbres']);
      assert.deepEqual(await ids({ where: 'search(title, "mesure")' }), ['stations']);
      const both = new URLSearchParams([
        ['where', 'publisher = "Ville de Lyon"'],
        ['where', '"nature"'],
      ]);
      const { body } = await getJson(portal, `${DATASETS}?${both}`);
      assert.deepEqual(
        body.results?.map((r) => r['dataset_id']),
        ['arbres'],
      );
    });

    test('select returns the chosen metadata flat on each result', async () => {
      const { status, body } = await getJson(
        portal,
        `${DATASETS}?${q({ select: 'dataset_id, title, theme, records_count, default.keyword', where: 'records_count = 0', limit: '100' })}`,
      );
      assert.equal(status, 200);
      assert.equal(body['total_count'], FIXTURE_DATASETS.length);
      const expected = FIXTURE_DATASETS.map((d) => ({
        dataset_id: d.id,
        title: d.title,
        theme: d.theme,
        records_count: 0,
        keyword: d.keyword,
      }));
      assert.deepEqual(body.results, expected);
      const dated = await getJson(
        portal,
        `${DATASETS}?${q({ select: 'modified', where: '"budget"' })}`,
      );
      assert.match(
        String(dated.body.results?.[0]?.['modified']),
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
      );
    });

    test('order_by, limit and offset page through the catalog', async () => {
      const byTitle = [...FIXTURE_DATASETS].sort((a, b) => (a.title < b.title ? 1 : -1));
      const { body } = await getJson(
        portal,
        `${DATASETS}?${q({ where: 'records_count = 0', order_by: 'title desc', select: 'title', limit: '2', offset: '1' })}`,
      );
      assert.equal(body['total_count'], FIXTURE_DATASETS.length);
      assert.deepEqual(
        body.results?.map((r) => r['title']),
        byTitle.slice(1, 3).map((d) => d.title),
      );
      assert.deepEqual(
        await ids({ where: 'records_count = 0', order_by: 'dataset_id desc', limit: '1' }),
        ['stations'],
      );
    });

    test('group_by with aggregations answers groups without total_count', async () => {
      const { status, body } = await getJson(
        portal,
        `${DATASETS}?${q({ select: 'publisher, count(*) as n', where: 'records_count = 0', group_by: 'publisher', order_by: 'n desc, publisher' })}`,
      );
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body['total_count'], undefined);
      const counts = new Map<string | null, number>();
      for (const d of FIXTURE_DATASETS) counts.set(d.publisher, (counts.get(d.publisher) ?? 0) + 1);
      const expected = [...counts].map(([publisher, n]) => ({ publisher, n }));
      const sorted = (rows: { publisher: unknown; n: unknown }[]) =>
        [...rows].sort((a, b) => String(a.publisher).localeCompare(String(b.publisher)));
      assert.deepEqual(sorted(body.results as never), sorted(expected));
      assert.equal(body.results?.[0]?.['n'], 2);
      const total = await getJson(
        portal,
        `${DATASETS}?${q({ select: 'sum(records_count) as rows' })}`,
      );
      assert.deepEqual(total.body.results, [{ rows: demoRows().length }]);
    });

    test('refine and exclude combine with where', async () => {
      const refine = await ids({ where: 'records_count = 0', refine: 'publisher:"Ville de Lyon"' });
      assert.deepEqual(refine, ['arbres', 'budget']);
      assert.deepEqual(await ids({ where: '"ville"', exclude: 'theme:"Finances"' }), ['arbres']);
    });

    test('catalog facets count the datasets where keeps', async () => {
      const { body } = await getJson(
        portal,
        `/api/explore/v2.1/catalog/facets?${q({ facet: 'publisher', where: 'records_count = 0' })}`,
      );
      const [group] = body['facets'] as {
        name: string;
        facets: { value: string; count: number }[];
      }[];
      assert.deepEqual(
        group?.facets.map((f) => [f.value, f.count]),
        [
          ['Ville de Lyon', 2],
          ['Metropole', 1],
        ],
      );
    });

    test('a dataset with select answers its metadata flat', async () => {
      const { status, body } = await getJson(
        portal,
        `${DATASETS}/${DEMO_ID}?${q({ select: 'title, records_count, features' })}`,
      );
      assert.equal(status, 200);
      assert.deepEqual(Object.keys(body), ['title', 'records_count', 'features']);
      assert.equal(body['records_count'], demoRows().length);
      assert.deepEqual(body['features'], ['timeserie', 'geo', 'analyze']);
    });

    test('bad queries answer 400s, lang is checked', async () => {
      for (const [params, code] of [
        [{ where: 'title = ' }, 'ODSQLError'],
        [{ select: 'colour' }, 'ODSQLError'],
        [{ order_by: 'nope' }, 'ODSQLError'],
        [{ limit: '101' }, 'InvalidRESTParameterError'],
        [{ lang: 'xx' }, 'InvalidRESTParameterError'],
        [{ timezone: 'Mars/Olympus' }, 'InvalidRESTParameterError'],
      ] as const) {
        const { status, body } = await getJson(portal, `${DATASETS}?${q(params)}`);
        assert.equal(status, 400, JSON.stringify(params));
        assert.equal(body['error_code'], code, JSON.stringify(body));
      }
      assert.equal((await ids({ lang: 'fr', where: '"budget"' })).length, 1);
    });
  });
