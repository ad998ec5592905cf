// The schema service on both engines: a rebuild keeps every kind of stored value (text, list,
// numbers, boolean, date, datetime, point, shape, JSON) record for record, conversions of each
// type follow the importer's readers, refusals change nothing, and the service itself refuses
// whom the back office refuses and what its form refuses. A new order of the fields is applied in
// place (the records, their ids, the CSV export and the facets are those of before, in the new
// order), or into a rebuilt version; units and precisions of dates reach the API's annotations.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';

import type { Viewer } from '../../src/core/access.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { isPortalError } from '../../src/core/errors.ts';
import type { DesiredField } from '../../src/core/schema-edit-check.ts';
import { editOf } from '../../src/core/schema-edits.ts';
import { SAMPLE_FIELDS, field, sampleRows } from '../helpers/sample-fields.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../helpers/test-portal.ts';

const ADMIN: Viewer = {
  via: 'session',
  userId: null,
  role: 'admin',
  groupIds: [],
  editsAllDatasets: true,
  editableDatasets: [],
  scope: 'write',
};
const EDITOR_ELSEWHERE: Viewer = { ...ADMIN, role: 'editor', editsAllDatasets: false };

function isCode(code: string) {
  return (error: unknown) => isPortalError(error) && error.code === code;
}

for (const engine of TEST_ENGINES)
  describe(`the schema service (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
      await portal.engine.metadata.saveDataset({ id: 'kinds', metas: emptyMetas('Kinds') });
      const writer = await portal.engine.beginVersion({
        datasetId: 'kinds',
        fields: SAMPLE_FIELDS,
        source: 'kinds.csv',
      });
      await writer.append(sampleRows(7));
      await writer.commit();
    });
    after(async () => portal.close());

    const records = async (): Promise<Record<string, unknown>[]> =>
      (await getJson(portal, '/api/explore/v2.1/catalog/datasets/kinds/records?limit=100')).body
        .results!;
    const current = async () => (await portal.engine.metadata.getDataset('kinds'))!.current!;

    /** Every field as it is, with `changes` to some. */
    async function desired(changes: Record<string, Partial<DesiredField>>) {
      const version = await current();
      const fields: Record<string, DesiredField> = {};
      for (const field of version.fields) {
        fields[field.name] = { ...editOf(field), type: field.type, ...changes[field.name] };
      }
      return { versionId: version.id, fields };
    }

    test('a rebuild keeps every kind of value, record for record', async () => {
      const before = await records();
      const version = await current();
      const saved = await portal.services.schemas.save(
        ADMIN,
        'kinds',
        await desired({ name: { annotations: {} }, day: { annotations: { facet: [] } } }),
      );
      assert.equal(saved.changed, true);
      assert.notEqual(saved.rebuiltVersion, null);
      assert.notEqual((await current()).id, version.id);
      assert.deepEqual(await records(), before);
    });

    test('conversions follow the importer: numbers to text and back, lists, dates', async () => {
      await portal.services.schemas.save(
        ADMIN,
        'kinds',
        await desired({ count: { type: 'text' } }),
      );
      const texts = (await records()).map((r: Record<string, unknown>) => r['count']);
      assert.deepEqual(texts, ['0', '1', '2', '3', '4', '5', '6']);
      await portal.services.schemas.save(
        ADMIN,
        'kinds',
        await desired({ count: { type: 'double' } }),
      );
      assert.deepEqual(
        (await records()).map((r: Record<string, unknown>) => r['count']),
        [0, 1, 2, 3, 4, 5, 6],
      );
      // A list becomes its items joined with its separator, and a text splits on the new one.
      await portal.services.schemas.save(
        ADMIN,
        'kinds',
        await desired({ tags: { annotations: {} } }),
      );
      assert.equal((await records())[3]!['tags'], 'a;t3');
      await portal.services.schemas.save(
        ADMIN,
        'kinds',
        await desired({ tags: { annotations: { multivalued: [';'] } } }),
      );
      assert.deepEqual((await records())[3]!['tags'], ['a', 't3']);
      await portal.services.schemas.save(
        ADMIN,
        'kinds',
        await desired({ day: { type: 'datetime' } }),
      );
      assert.equal((await records())[0]!['day'], '2024-01-01T00:00:00+00:00');
      await portal.services.schemas.save(ADMIN, 'kinds', await desired({ day: { type: 'date' } }));
      assert.equal((await records())[0]!['day'], '2024-01-01');
    });

    test('a value that does not convert refuses the change and changes nothing', async () => {
      const version = await current();
      const before = await records();
      const refusals: [string, Partial<DesiredField>, RegExp][] = [
        ['score', { type: 'int' }, /"0\.25" is not an integer/],
        [
          'seen',
          { type: 'date' },
          /"2024-01-01T12:00:0\d.000Z" is a date and time that is not midnight/,
        ],
        ['name', { type: 'boolean' }, /"Café n°0" is not true or false/],
      ];
      for (const [name, change, message] of refusals) {
        await assert.rejects(
          portal.services.schemas.save(ADMIN, 'kinds', await desired({ [name]: change })),
          (error: unknown) =>
            isCode('DG_ERR_SCHEMA_CONVERSION')(error) && message.test((error as Error).message),
          name,
        );
      }
      assert.equal((await current()).id, version.id);
      assert.deepEqual((await current()).fields, version.fields);
      assert.deepEqual(await records(), before);
      assert.equal(
        await portal.engine.schemas.getEdits('kinds').then((e) => e?.fields['score']),
        undefined,
      );
    });

    test('others, stale versions and invalid edits are refused', async () => {
      await assert.rejects(
        portal.services.schemas.save(EDITOR_ELSEWHERE, 'kinds', await desired({})),
        isCode('DG_ERR_DATASET_EDIT_FORBIDDEN'),
      );
      const stale = { ...(await desired({ name: { label: 'Nom' } })), versionId: 1 };
      await assert.rejects(
        portal.services.schemas.save(ADMIN, 'kinds', stale),
        isCode('DG_ERR_SCHEMA_STALE'),
      );
      const changes: Partial<DesiredField>[] = [
        { label: '' },
        { type: 'colour' as 'text' },
        { annotations: { decimals: ['2'] } },
        { annotations: { unit: ['x'.repeat(21)] } },
        { annotations: { timeserie_precision: ['day'] } },
        { annotations: { facetsort: ['up'] } },
      ];
      for (const change of changes) {
        await assert.rejects(
          portal.services.schemas.save(ADMIN, 'kinds', await desired({ name: change })),
          isCode('DG_ERR_SCHEMA_INVALID'),
          JSON.stringify(change),
        );
      }
      await assert.rejects(
        portal.services.schemas.save(
          ADMIN,
          'kinds',
          await desired({ count: { annotations: { sortable: [] } } }),
        ),
        isCode('DG_ERR_SCHEMA_INVALID'),
      );
      await assert.rejects(
        portal.services.schemas.save(
          ADMIN,
          'kinds',
          await desired({ location: { annotations: { facet: [] } } }),
        ),
        isCode('DG_ERR_SCHEMA_INVALID'),
      );
    });

    describe('the order of the fields', () => {
      const API = '/api/explore/v2.1/catalog/datasets/ordered';
      // The sample's fields, `day` a facet too: the facets come in the fields' order.
      const FIELDS = SAMPLE_FIELDS.map((f) =>
        f.name === 'day' ? field('day', 'date', { facet: [] }) : f,
      );
      const NEW_ORDER = [
        'day',
        'count',
        'city',
        'name',
        'tags',
        'score',
        'open',
        'seen',
        'location',
        'area',
        'extra',
      ];

      before(async () => {
        await portal.engine.metadata.saveDataset({ id: 'ordered', metas: emptyMetas('Ordered') });
        const writer = await portal.engine.beginVersion({
          datasetId: 'ordered',
          fields: FIELDS,
          source: 'ordered.csv',
        });
        await writer.append(sampleRows(9));
        await writer.commit();
      });

      const version = async () => (await portal.engine.metadata.getDataset('ordered'))!.current!;
      const text = async (url: string) => (await portal.app.inject({ url })).body;
      const csv = async () =>
        Papa.parse<string[]>((await text(`${API}/exports/csv`)).trim(), { delimiter: ';' }).data;
      /** Each record by its id (API v1 gives both), and the ids in row order. */
      const v1 = async () => {
        const body = (await getJson(portal, '/api/records/1.0/search/?dataset=ordered&rows=100'))
          .body as {
          records: { recordid: string; fields: Record<string, unknown> }[];
        };
        return body.records.map((r) => [r.recordid, r.fields] as const);
      };
      const facets = async () =>
        (await getJson(portal, `${API}/facets`)).body['facets'] as {
          name: string;
          facets: unknown[];
        }[];
      async function desiredOf(changes: Record<string, Partial<DesiredField>> = {}) {
        const current = await version();
        const fields: Record<string, DesiredField> = {};
        for (const f of current.fields) {
          fields[f.name] = { ...editOf(f), type: f.type, ...changes[f.name] };
        }
        return { versionId: current.id, fields };
      }

      test('a new order is applied in place: records, ids, CSV and facets are those of before', async () => {
        const was = await version();
        const records = await v1();
        const table = await csv();
        const facetsBefore = await facets();
        assert.deepEqual(
          facetsBefore.map((f) => f.name),
          ['city', 'day'],
        );
        const record = (await getJson(portal, `${API}/records/${records[3]![0]}`)).body;

        const saved = await portal.services.schemas.save(ADMIN, 'ordered', {
          ...(await desiredOf()),
          order: NEW_ORDER,
        });
        assert.deepEqual(saved, { changed: true, rebuiltVersion: null });
        assert.equal((await version()).id, was.id, 'no new version');
        const apiFields = (await getJson(portal, API)).body['fields'] as { name: string }[];
        assert.deepEqual(
          apiFields.map((f) => f.name),
          NEW_ORDER,
        );

        // The same records under the same ids, each field's value unchanged.
        assert.deepEqual(await v1(), records);
        assert.deepEqual((await getJson(portal, `${API}/records/${records[3]![0]}`)).body, record);
        const results = (await getJson(portal, `${API}/records?limit=100`)).body.results!;
        assert.deepEqual(Object.keys(results[0]!), NEW_ORDER);
        // The CSV export: the columns of before, moved to the new order, every row the same.
        const header = table[0]!;
        const moved = table.map((row) => NEW_ORDER.map((name) => row[header.indexOf(name)]));
        assert.deepEqual(await csv(), moved);
        const json = JSON.parse(await text(`${API}/exports/json`)) as Record<string, unknown>[];
        assert.deepEqual(json, results, 'the JSON export: the records, keys in the new order');
        assert.deepEqual(Object.keys(json[0]!), NEW_ORDER);
        const parquet = (await portal.app.inject({ url: `${API}/exports/parquet` })).rawPayload;
        const columns = await parquetReadObjects({ file: new Uint8Array(parquet).buffer });
        assert.deepEqual(Object.keys(columns[0]!), NEW_ORDER, 'the Parquet columns too');
        // Facets: the same values and counts, in the fields' new order.
        assert.deepEqual(await facets(), [...facetsBefore].reverse());

        const [entry] = (
          await portal.engine.metadata.listActivity({
            datasetId: 'ordered',
            action: 'dataset.schema',
            limit: 5,
            offset: 0,
          })
        ).entries;
        assert.deepEqual(entry?.diff, {
          order: { before: FIELDS.map((f) => f.name), after: NEW_ORDER },
        });
        assert.deepEqual((await portal.engine.schemas.getEdits('ordered'))?.order, NEW_ORDER);
      });

      test('a rebuild takes the new order; other saves keep the stored one', async () => {
        const records = (await v1()).map(([, fields]) => fields);
        const order = [...NEW_ORDER.slice(1), 'day'];
        const saved = await portal.services.schemas.save(ADMIN, 'ordered', {
          ...(await desiredOf({ count: { annotations: { facet: [] } } })),
          order,
        });
        assert.notEqual(saved.rebuiltVersion, null);
        assert.deepEqual(
          (await version()).fields.map((f) => f.name),
          order,
        );
        assert.deepEqual(
          (await v1()).map(([, fields]) => fields),
          records,
        );
        assert.deepEqual(
          (await facets()).map((f) => f.name),
          ['count', 'city', 'day'],
        );
        const header = (await csv())[0];
        assert.deepEqual(header, order);
        // A label saved without an order keeps the stored one, for the next imports.
        await portal.services.schemas.save(
          ADMIN,
          'ordered',
          await desiredOf({ name: { label: 'Nom' } }),
        );
        assert.deepEqual((await portal.engine.schemas.getEdits('ordered'))?.order, order);
        assert.deepEqual(
          (await version()).fields.map((f) => f.name),
          order,
        );
      });

      test('an order that does not name each field once is refused', async () => {
        const names = (await version()).fields.map((f) => f.name);
        for (const order of [
          names.slice(1),
          [...names, 'ghost'],
          [names[0]!, ...names.slice(0, -1)],
        ]) {
          await assert.rejects(
            portal.services.schemas.save(ADMIN, 'ordered', { ...(await desiredOf()), order }),
            isCode('DG_ERR_SCHEMA_INVALID'),
          );
        }
      });

      test('a unit and a precision of dates are online at once, as ODS annotations', async () => {
        const was = await version();
        await portal.services.schemas.save(
          ADMIN,
          'ordered',
          await desiredOf({
            score: { annotations: { unit: ['°C'] } },
            seen: { annotations: { timeserie_precision: ['hour'] } },
          }),
        );
        assert.equal((await version()).id, was.id, 'in place');
        const apiFields = (await getJson(portal, API)).body['fields'] as {
          name: string;
          annotations: unknown;
        }[];
        const annotations = (name: string) => apiFields.find((f) => f.name === name)?.annotations;
        assert.deepEqual(annotations('score'), { unit: ['°C'] });
        assert.deepEqual(annotations('seen'), { timeserie_precision: ['hour'] });
      });
    });
  });
