// lang gives dataset metadata in that language where metas.translations holds it (the demo
// dataset has an English title and description), on v2.1 and API v1.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const demo = JSON.parse(
  readFileSync(new URL('../../../data/demo/export_alimconfiance.json', import.meta.url), 'utf8'),
) as { metas: { title: string; translations: { en: { title: string; description: string } } } };
const FRENCH = demo.metas.title;
const ENGLISH = demo.metas.translations.en;

const V21 = '/api/explore/v2.1/catalog';

function defaultMetas(body: Record<string, unknown>): Record<string, unknown> {
  return (body['metas'] as { default: Record<string, unknown> }).default;
}

for (const engine of TEST_ENGINES)
  describe(`lang on dataset metadata (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    test('the dataset lookup and the catalog give the translation asked for', async () => {
      const en = await getJson(portal, `${V21}/datasets/export_alimconfiance?lang=en`);
      assert.equal(defaultMetas(en.body)['title'], ENGLISH.title);
      assert.equal(defaultMetas(en.body)['description'], ENGLISH.description);
      for (const url of [
        `${V21}/datasets/export_alimconfiance`,
        `${V21}/datasets/export_alimconfiance?lang=fr`,
        `${V21}/datasets/export_alimconfiance?lang=de`,
      ]) {
        const { body } = await getJson(portal, url);
        assert.equal(defaultMetas(body)['title'], FRENCH, url);
        assert.equal(defaultMetas(body)['translations'], undefined, 'not an ODS metadata');
      }
      const list = await getJson(portal, `${V21}/datasets?lang=EN`);
      assert.equal(defaultMetas(list.body.results![0]!)['title'], ENGLISH.title);
    });

    test('select, where and the catalog export read the translated metadata', async () => {
      const selected = await getJson(portal, `${V21}/datasets?select=title&lang=en`);
      assert.deepEqual(selected.body.results, [{ title: ENGLISH.title }]);
      const one = await getJson(
        portal,
        `${V21}/datasets/export_alimconfiance?select=title,dataset_id&lang=en`,
      );
      assert.deepEqual(one.body, { title: ENGLISH.title, dataset_id: 'export_alimconfiance' });
      const found = await getJson(portal, `${V21}/datasets?where=title like "sanitary"&lang=en`);
      assert.equal(found.body['total_count'], 1);
      const notInFrench = await getJson(portal, `${V21}/datasets?where=title like "sanitary"`);
      assert.equal(notInFrench.body['total_count'], 0);
      const csv = await portal.app.inject({ url: `${V21}/exports/csv?select=title&lang=en` });
      assert.ok(csv.body.includes(ENGLISH.title));
    });

    test('API v1 dataset lookup and search give the translation asked for', async () => {
      const one = await getJson(portal, '/api/datasets/1.0/export_alimconfiance/?lang=en');
      assert.equal((one.body['metas'] as Record<string, unknown>)['title'], ENGLISH.title);
      const plain = await getJson(portal, '/api/datasets/1.0/export_alimconfiance/');
      assert.equal((plain.body['metas'] as Record<string, unknown>)['title'], FRENCH);
      const search = await getJson(portal, '/api/datasets/1.0/search/?lang=en&q=sanitary');
      assert.equal(search.body['nhits'], 1);
      const [dataset] = search.body['datasets'] as { metas: Record<string, unknown> }[];
      assert.equal(dataset?.metas['title'], ENGLISH.title);
    });
  });
