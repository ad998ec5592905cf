import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const DATASETS = '/api/explore/v2.1/catalog/datasets';

for (const engine of TEST_ENGINES)
  describe(`the catalog of datasets (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    test('lists the demo dataset with its count', async () => {
      const { status, body } = await getJson(portal, `${DATASETS}/`);
      assert.equal(status, 200);
      assert.equal(body['total_count'], 1);
      const [dataset] = body.results ?? [];
      assert.equal(dataset?.['dataset_id'], 'export_alimconfiance');
    });

    test('a dataset answers the Explore v2.1 <Dataset> object', async () => {
      const { status, body } = await getJson(portal, `${DATASETS}/export_alimconfiance`);
      assert.equal(status, 200);
      assert.equal(body['dataset_id'], 'export_alimconfiance');
      assert.match(String(body['dataset_uid']), /^da_/);
      assert.equal(body['has_records'], true);
      assert.equal(body['visibility'], 'domain');
      assert.deepEqual(body['features'], ['timeserie', 'geo', 'analyze']);
      const metas = (body['metas'] as { default: Record<string, unknown> }).default;
      assert.equal(metas['records_count'], demoRows().length);
      assert.equal(metas['publisher'], "Direction générale de l'alimentation (DGAL)");
      assert.equal(metas['license'], 'Licence Ouverte / Open Licence');
      assert.match(String(metas['modified']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
      assert.equal(metas['attributions'], null);
      const fields = body['fields'] as Record<string, unknown>[];
      const byName = new Map(fields.map((f) => [f['name'], f]));
      assert.deepEqual(byName.get('geores'), {
        name: 'geores',
        label: 'geores',
        type: 'geo_point_2d',
        description: "Position géographique de l'établissement (latitude, longitude).",
        annotations: {},
      });
      assert.equal(byName.get('date_inspection')?.['type'], 'datetime');
      assert.equal(byName.get('siret')?.['type'], 'text');
      assert.equal(byName.get('code_postal')?.['type'], 'text');
      assert.deepEqual(
        (
          byName.get('app_libelle_activite_etablissement')?.['annotations'] as Record<
            string,
            unknown
          >
        )['multivalued'],
        [','],
      );
    });

    test('an unknown dataset is a 404 in ODS JSON, an invalid limit a 400', async () => {
      const missing = await getJson(portal, `${DATASETS}/nope`);
      assert.equal(missing.status, 404);
      assert.deepEqual(missing.body, { error_code: 'NotFound', message: 'Unknown dataset: nope' });
      const badLimit = await getJson(portal, `${DATASETS}?limit=500`);
      assert.equal(badLimit.status, 400);
      assert.equal(badLimit.body['error_code'], 'InvalidRESTParameterError');
    });

    test('a record is found by its id, and an unknown id is a 404', async () => {
      const dataset = await portal.engine.metadata.getDataset('export_alimconfiance');
      const table = dataset?.current?.table ?? '';
      const [row] = await portal.engine.query({
        sql: `SELECT "_id", "siret" FROM "${table}" WHERE "siret" = ${engine === 'postgres' ? '$1' : '?'}`,
        params: ['75052913300019'],
      });
      const id = String(row?.[0]);
      assert.match(id, /^[0-9a-f]{40}$/);
      const found = await getJson(portal, `${DATASETS}/export_alimconfiance/records/${id}/`);
      assert.equal(found.status, 200);
      assert.equal(found.body['siret'], '75052913300019');
      assert.equal(found.body['app_libelle_etablissement'], 'RELAIS DES BASTIDES');
      const missing = await getJson(
        portal,
        `${DATASETS}/export_alimconfiance/records/${'0'.repeat(40)}`,
      );
      assert.equal(missing.status, 404);
      assert.equal(missing.body['error_code'], 'NotFound');
    });

    test('unknown API paths answer a 404 in ODS JSON', async () => {
      const { status, body } = await getJson(portal, '/api/explore/v2.1/catalog/nothing-here');
      assert.equal(status, 404);
      assert.equal(body['error_code'], 'NotFound');
    });

    test('the roots list their links', async () => {
      const root = await getJson(portal, '/api/explore/v2.1/');
      assert.equal(root.status, 200);
      assert.ok(Array.isArray(root.body['_links']));
      const catalog = await getJson(portal, '/api/explore/v2.1/catalog/');
      assert.equal(catalog.status, 200);
    });
  });
