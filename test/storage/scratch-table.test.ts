import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { makeField } from '../../src/core/field.ts';
import { compileRecordsQuery } from '../../src/odsql/index.ts';
import type { ScratchTable } from '../../src/storage/engine.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const FIELDS = [
  makeField('name', 'text'),
  makeField('tags', 'text', { multivalued: [','] }),
  makeField('n', 'int'),
  makeField('at', 'datetime'),
];

const table = (rows: ScratchTable['rows']): ScratchTable => ({
  name: 'scratch',
  fields: FIELDS,
  rows,
});

for (const engine of TEST_ENGINES)
  describe(`scratch tables (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
    });
    after(async () => portal.close());

    const names = (where: string) =>
      compileRecordsQuery(
        { select: 'name', where: [where], orderBy: 'name' },
        { table: 'scratch', fields: FIELDS },
        portal.engine.name,
      );

    test('compiled ODSQL runs on the rows, full text included', async () => {
      const rows = [
        ['Vélos en libre service', ['mobilité', 'vélo'], 3, Date.UTC(2024, 0, 5)],
        ['Budget', null, 0, Date.UTC(2020, 5, 1)],
      ];
      const [text, tagged, counted] = await portal.engine.queryScratch(table(rows), [
        names('"velos"'),
        names('"vélo" IN tags'),
        names(`n > 0 AND at >= date'2024'`),
      ]);
      assert.deepEqual(text, [['Vélos en libre service']]);
      assert.deepEqual(tagged, [['Vélos en libre service']]);
      assert.deepEqual(counted, [['Vélos en libre service']]);
    });

    test('each call sees only its own rows, and nothing is left behind', async () => {
      const all = names('n >= 0');
      const answers = await Promise.all(
        ['a', 'b', 'c'].map((name) =>
          portal.engine.queryScratch(table([[name, null, 1, null]]), [all]),
        ),
      );
      assert.deepEqual(
        answers.map(([rows]) => rows),
        [[['a']], [['b']], [['c']]],
      );
      const [empty] = await portal.engine.queryScratch(table([]), [all]);
      assert.deepEqual(empty, []);
    });
  });
