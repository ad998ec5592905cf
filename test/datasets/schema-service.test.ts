// The schema service on both engines: a rebuild keeps every kind of stored value (text, list,
// numbers, boolean, date, datetime, point, shape, JSON) record for record, conversions of each
// type follow the importer's readers, refusals change nothing, and the service itself refuses
// whom the back office refuses and what its form refuses.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Viewer } from '../../src/core/access.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { isPortalError } from '../../src/core/errors.ts';
import type { DesiredField } from '../../src/core/schema-edit-check.ts';
import { editOf } from '../../src/core/schema-edits.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
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
  });
