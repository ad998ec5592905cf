// The result cache over HTTP (docs/performance.md, "Result cache"): a repeated query, however
// it is spelled, is answered from memory (`Server-Timing: cache;desc=hit`); whatever changes the
// rows changes the key; a new version, a rollback or a metadata change is never answered from an
// older entry; clock and random queries and errors are never kept.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Field } from '../../src/core/field.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const ID = 'export_alimconfiance';
const BASE = `/api/explore/v2.1/catalog/datasets/${ID}`;

interface Answer {
  status: number;
  cache: string | undefined;
  body: Record<string, unknown>;
  text: string;
}

function countOf(result: string): number {
  return demoRows().filter((row) => row['Synthese_eval_sanit'] === result).length;
}

for (const engine of TEST_ENGINES) {
  describe(`result cache (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    async function get(url: string): Promise<Answer> {
      const response = await portal.app.inject({ method: 'GET', url });
      const timing = String(response.headers['server-timing'] ?? '');
      return {
        status: response.statusCode,
        cache: /(?:^|, )cache;desc=(\w+)/.exec(timing)?.[1],
        body: response.json() as Record<string, unknown>,
        text: response.body,
      };
    }

    const stats = () => portal.services.records.cacheStats();

    test('the whole dataset’s facets come from the commit’s summaries, then from memory', async () => {
      const first = await get(`${BASE}/facets`);
      assert.equal(first.status, 200);
      assert.equal(first.cache, 'stored', 'no facet query ran');
      const groups = first.body['facets'] as { name: string; facets: { count: number }[] }[];
      const results = groups.find((g) => g.name === 'synthese_eval_sanit')!.facets;
      const counted = results.reduce((sum, node) => sum + node.count, 0);
      assert.equal(counted, demoRows().length);
      const again = await get(`${BASE}/facets`);
      assert.equal(again.cache, 'hit');
      assert.equal(again.text, first.text);
      // In another time zone the date facet is counted again (the summary is in UTC and Paris).
      const elsewhere = await get(`${BASE}/facets?facet=date_inspection&timezone=America/New_York`);
      assert.equal(elsewhere.status, 200);
      assert.equal(elsewhere.cache, 'miss');
      const filtered = `${BASE}/facets?facet=libelle_commune&refine=synthese_eval_sanit:Satisfaisant`;
      assert.equal((await get(filtered)).cache, 'miss');
      assert.equal((await get(filtered)).cache, 'hit');
    });

    test('a repeated query is answered from memory, however it is spelled', async () => {
      const first = await get(
        `${BASE}/records?limit=20&where=synthese_eval_sanit='Satisfaisant'&order_by=date_inspection desc`,
      );
      assert.equal(first.status, 200, first.text);
      assert.equal(first.cache, 'miss');
      assert.equal(first.body['total_count'], countOf('Satisfaisant'));
      const before = stats();
      const respelled = await get(
        `${BASE}/records?order_by=date_inspection%20DESC&where=%20synthese_eval_sanit%20%20=%20%22Satisfaisant%22%20&limit=20`,
      );
      assert.equal(respelled.cache, 'hit');
      assert.equal(respelled.text, first.text);
      assert.equal(stats().hits, before.hits + 2, 'the page and its count');
      assert.equal(stats().misses, before.misses);
      // Sent again as it was, the request finds its rendered page: one hit, nothing compiled.
      const beforeSame = stats();
      const same = await get(
        `${BASE}/records?limit=20&where=synthese_eval_sanit='Satisfaisant'&order_by=date_inspection desc`,
      );
      assert.equal(same.cache, 'hit');
      assert.equal(same.text, first.text);
      assert.equal(stats().hits, beforeSame.hits + 1, 'the rendered page alone');

      const unfiltered = await get(`${BASE}/records?limit=1`);
      assert.equal(unfiltered.body['total_count'], demoRows().length, 'the stored count');
      assert.equal((await get(`${BASE}/records?limit=1`)).cache, 'hit');
    });

    test('what changes the rows changes the key: paging, language, aggregation', async () => {
      const page = `${BASE}/records?limit=20&where=synthese_eval_sanit='Satisfaisant'`;
      await get(page);
      const next = await get(`${page}&offset=20`);
      assert.equal(next.cache, 'miss', 'the count is kept, the page is not');
      const month = (lang: string) =>
        `${BASE}/records?select=date_format(date_inspection, 'MMMM') as m&order_by=date_inspection&limit=1&lang=${lang}`;
      const [fr, en] = [await get(month('fr')), await get(month('en'))];
      assert.equal(fr.cache, 'miss');
      assert.equal(en.cache, 'miss');
      assert.notEqual(fr.text, en.text);
      assert.equal((await get(month('fr'))).text, fr.text);

      const grouped = `${BASE}/records?select=synthese_eval_sanit as r, count(*) as n&group_by=synthese_eval_sanit&limit=10`;
      const counts = await get(grouped);
      assert.equal(counts.cache, 'miss');
      for (const row of counts.body['results'] as { r: string; n: number }[]) {
        assert.equal(row.n, countOf(row.r), row.r);
      }
      const again = await get(grouped.replace('count(*)', 'COUNT(*)'));
      assert.equal(again.cache, 'hit');
      assert.equal(again.text, counts.text);
    });

    test('clock and random queries, and errors, are never kept', async () => {
      const clock = `${BASE}/records?limit=1&where=date_inspection < now()`;
      assert.equal((await get(clock)).cache, 'uncached');
      assert.equal((await get(clock)).cache, 'uncached');
      const shuffled = `${BASE}/records?limit=3&order_by=random()`;
      assert.equal((await get(shuffled)).cache, 'uncached');
      assert.equal((await get(`${BASE}/records?limit=3&order_by=random(7)`)).cache, 'miss');
      const entries = stats().entries;
      const bad = `${BASE}/records?where=no_such_field = 1`;
      assert.equal((await get(bad)).status, 400);
      assert.equal((await get(bad)).status, 400);
      assert.equal(stats().entries, entries);
    });

    test('a new version, a rollback and a metadata change are never answered stale', async () => {
      const url = `${BASE}/records?limit=5&where=synthese_eval_sanit='Satisfaisant'`;
      const facets = `${BASE}/facets?facet=synthese_eval_sanit`;
      const total = countOf('Satisfaisant');
      await get(url);
      await get(facets);
      assert.equal((await get(url)).cache, 'hit');

      const dataset = (await portal.engine.metadata.getDataset(ID))!;
      const fields: Field[] = dataset.current!.fields;
      const writer = await portal.engine.beginVersion({ datasetId: ID, fields, source: 'test' });
      await writer.commit();
      const emptied = await get(url);
      assert.equal(emptied.cache, 'miss');
      assert.equal(emptied.body['total_count'], 0);
      const noFacets = await get(facets);
      assert.notEqual(noFacets.cache, 'hit');
      assert.deepEqual(noFacets.body['facets'], [{ name: 'synthese_eval_sanit', facets: [] }]);

      await portal.engine.metadata.rollbackDataset(ID);
      const back = await get(url);
      assert.notEqual(back.cache, 'hit', 'the rollback gave the dataset a new stamp');
      assert.equal(back.body['total_count'], total);
      assert.equal((await get(url)).cache, 'hit');

      // A field annotated `facet` in place: the default facets include it at once.
      const current = (await portal.engine.metadata.getDataset(ID))!.current!;
      const annotated = current.fields.map((f) =>
        f.name === 'code_postal' ? { ...f, annotations: { ...f.annotations, facet: [] } } : f,
      );
      assert.equal(
        await portal.engine.schemas.replaceCurrentFields(ID, current.id, annotated),
        true,
      );
      const after = await get(url);
      assert.notEqual(after.cache, 'hit', 'the metadata changed');
      assert.equal(after.body['total_count'], total);
      const all = await get(`${BASE}/facets`);
      const names = (all.body['facets'] as { name: string }[]).map((g) => g.name);
      assert.ok(names.includes('code_postal'), names.join());
    });

    test('a change notice drops the entries of the datasets that changed', async () => {
      const url = `${BASE}/records?limit=2&where=synthese_eval_sanit='A corriger de manière urgente'`;
      await get(url);
      assert.ok(stats().entries > 0);
      await portal.services.records.sweepCaches();
      const kept = stats().entries;
      assert.ok(kept > 0, 'nothing changed: the entries stay');
      const dataset = (await portal.engine.metadata.getDataset(ID))!;
      await portal.engine.metadata.saveDataset({
        id: ID,
        metas: { ...dataset.metas, title: `${dataset.metas.title} (2)` },
      });
      await portal.services.records.sweepCaches();
      assert.equal(stats().entries, 0, 'every entry of the dataset was dropped');
    });
  });
}
