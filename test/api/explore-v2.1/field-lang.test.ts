// lang gives field labels and descriptions in that language where a field holds a translation
// (the schema editor writes them): the dataset lookup, the catalog and its JSON export, API v1's
// dataset answers, and the label headers of exports and of the download URL.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import type { Field } from '../../../src/core/field.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const demo = JSON.parse(
  readFileSync(new URL('../../../data/demo/export_alimconfiance.json', import.meta.url), 'utf8'),
) as { fields: { name: string; label: string; description?: string | null }[] };

const ID = 'export_alimconfiance';
const V21 = '/api/explore/v2.1/catalog';
const ENGLISH: Record<string, { label?: string; description?: string }> = {
  app_libelle_etablissement: { label: 'Establishment', description: 'Trade name of the place' },
  libelle_commune: { label: 'Town' },
  // An empty label lets the original show; the description is still translated.
  code_postal: { label: '', description: 'Five-digit postal code' },
};

/** The labels the header should show in English, from the demo file and the table above. */
function englishLabels(): string[] {
  return demo.fields.map((f) => ENGLISH[f.name]?.label || f.label);
}

function fieldsOf(body: unknown): { name: string; label: string; description: string | null }[] {
  return (body as { fields: { name: string; label: string; description: string | null }[] }).fields;
}

function header(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
  return first.split(';');
}

for (const engine of TEST_ENGINES)
  describe(`lang on field labels and descriptions (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      const dataset = (await portal.engine.metadata.getDataset(ID))!;
      const fields: Field[] = dataset.current!.fields.map((f) =>
        ENGLISH[f.name] ? { ...f, translations: { en: ENGLISH[f.name]! } } : f,
      );
      const done = await portal.engine.schemas.replaceCurrentFields(
        ID,
        dataset.current!.id,
        fields,
      );
      assert.ok(done);
    });
    after(async () => portal.close());

    test('the dataset lookup and the catalog give labels and descriptions in English', async () => {
      for (const url of [`${V21}/datasets/${ID}?lang=en`, `${V21}/datasets?lang=EN`]) {
        const { body } = await getJson(portal, url);
        const fields = fieldsOf(url.includes('?lang=EN') ? body.results![0] : body);
        assert.deepEqual(
          fields.map((f) => f.label),
          englishLabels(),
          url,
        );
        const postal = fields.find((f) => f.name === 'code_postal')!;
        assert.equal(postal.description, 'Five-digit postal code');
        const name = fields.find((f) => f.name === 'app_libelle_etablissement')!;
        assert.equal(name.description, 'Trade name of the place');
        assert.ok(
          fields.every((f) => !('translations' in f)),
          'not a key of ODS fields',
        );
      }
      for (const url of [`${V21}/datasets/${ID}`, `${V21}/datasets/${ID}?lang=fr`]) {
        const { body } = await getJson(portal, url);
        assert.deepEqual(
          fieldsOf(body).map((f) => f.label),
          demo.fields.map((f) => f.label),
          url,
        );
      }
      const json = await portal.app.inject({ url: `${V21}/exports/json?lang=en` });
      const exported = JSON.parse(json.body) as unknown[];
      assert.deepEqual(
        fieldsOf(exported[0]).map((f) => f.label),
        englishLabels(),
      );
    });

    test('API v1 dataset answers give the translated fields', async () => {
      const one = await getJson(portal, `/api/datasets/1.0/${ID}/?lang=en`);
      assert.deepEqual(
        fieldsOf(one.body).map((f) => f.label),
        englishLabels(),
      );
      const search = await getJson(portal, '/api/datasets/1.0/search/?lang=en');
      const found = (search.body as { datasets: unknown[] }).datasets[0];
      assert.deepEqual(
        fieldsOf(found).map((f) => f.label),
        englishLabels(),
      );
      const french = await getJson(portal, `/api/datasets/1.0/${ID}/`);
      assert.deepEqual(
        fieldsOf(french.body).map((f) => f.label),
        demo.fields.map((f) => f.label),
      );
    });

    test('label headers of exports and of the download URL follow lang', async () => {
      const csv = (query: string) =>
        portal.app.inject({ url: `${V21}/datasets/${ID}/exports/csv?${query}` });
      assert.deepEqual(header((await csv('use_labels=true&lang=en')).body), englishLabels());
      assert.deepEqual(
        header((await csv('use_labels=true')).body),
        demo.fields.map((f) => f.label),
      );
      assert.deepEqual(
        header((await csv('lang=en')).body),
        demo.fields.map((f) => f.name),
      );
      const download = await portal.app.inject({
        url: `/explore/dataset/${ID}/download/?format=csv&use_labels_for_header=true&lang=en`,
      });
      assert.deepEqual(header(download.body), englishLabels());
      const v1 = await portal.app.inject({
        url: `/api/records/1.0/download/?dataset=${ID}&use_labels_for_header=true&lang=fr`,
      });
      assert.deepEqual(
        header(v1.body),
        demo.fields.map((f) => f.label),
      );
    });
  });
