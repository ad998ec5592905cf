import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField as field } from '../../core/field.ts';
import { parseProcessors } from '../../core/processors.ts';
import { previewProcessors } from './preview.ts';

test('a preview leaves the sample untouched and gives the records kept, with their lines', () => {
  const fields = [field('name', 'text'), field('score', 'text')];
  const sample = [
    ['a', '1'],
    ['b', 'x'],
    ['c', '3'],
  ];
  const preview = previewProcessors(
    parseProcessors([
      { type: 'retype', field: 'score', to: 'int' },
      { type: 'skip', where: "name = 'c'" },
    ]),
    fields,
    sample,
  );
  assert.deepEqual(preview.rows, [
    ['a', 1],
    ['b', null],
  ]);
  assert.deepEqual(preview.lines, [2, 3]);
  assert.deepEqual(preview.issues, [{ line: 3, field: 'score', reason: '"x" is not an integer' }]);
  assert.equal(preview.skipped, 1);
  assert.equal(preview.fields[1]?.type, 'int');
  assert.deepEqual(sample[0], ['a', '1']);
});
