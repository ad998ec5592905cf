import assert from 'node:assert/strict';
import { test } from 'node:test';

import { tempFile } from '../helpers.ts';
import { formatFixture, readFile } from './helpers.ts';

test('a JSON array of objects: typed values keep their types, lists and objects', async () => {
  const { format, layout, rows, result, types } = await readFile(formatFixture('records.json'), {
    sampleRows: 3,
  });
  assert.equal(format, 'json');
  assert.deepEqual(types, [
    'id:int',
    'name:text',
    'score:double',
    'open:boolean',
    'inspected:date',
    'at:datetime',
    'point:geo_point_2d',
    'tags:text',
    'extra:json_blob',
    'code:text',
  ]);
  assert.deepEqual(layout.fields[7]?.annotations, { multivalued: [','] });
  assert.deepEqual(rows[0], [
    1,
    'Café de la Gare',
    4.5,
    true,
    '2024-01-31',
    Date.UTC(2024, 0, 31, 9, 30),
    { lat: 48.85, lon: 2.35 },
    ['Restaurant', 'Traiteur'],
    { siret: '02404912400142' },
    '01480',
  ]);
  assert.deepEqual(rows[2], [3, null, null, null, null, null, null, null, { a: [1, 2] }, '2A004']);
  assert.equal(rows[1]?.[5], Date.UTC(2024, 1, 29, 17));
  assert.deepEqual(result.issues, [
    {
      line: 4,
      reason:
        '"late" is not a field of the schema (read from the first records); its values are left out',
    },
    { line: 4, field: 'id', reason: '"four" is not an integer' },
    {
      line: 4,
      field: 'inspected',
      reason: '"not a date" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
    },
  ]);
  assert.equal(result.rows, 4);
});

test("ODS's v1 JSON export is unwrapped: fields, points as [lat, lon]", async () => {
  const { rows, types } = await readFile(formatFixture('ods-v1.json'));
  assert.deepEqual(types, [
    'app_libelle_etablissement:text',
    'geores:geo_point_2d',
    'date_inspection:datetime',
    'code_postal:text',
  ]);
  assert.deepEqual(rows[1], [
    'BOULANGERIE Y',
    { lat: 45.76, lon: 4.83 },
    Date.UTC(2019, 5, 11),
    '69001',
  ]);
});

test('JSON Lines: a line that is not JSON is skipped with its number, blank lines ignored', async () => {
  const { format, rows, result, types } = await readFile(formatFixture('records.jsonl'));
  assert.equal(format, 'jsonl');
  assert.deepEqual(types, ['id:int', 'name:text', 'when:date']);
  assert.deepEqual(rows, [
    [1, 'a', '2024-01-31'],
    [2, 'b', '2024-02-01'],
    [4, 'd', null],
  ]);
  assert.equal(result.rejected, 1);
  assert.equal(result.issues[0]?.line, 4);
  assert.match(result.issues[0]?.reason ?? '', /^not JSON/);
});

test('a truncated JSON array stops the read with DG_ERR_IMPORT_UNREADABLE', async () => {
  const path = tempFile('truncated.json', '[{"a": 1}, {"a": 2}, {"a": ');
  await assert.rejects(readFile(path), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'DG_ERR_IMPORT_UNREADABLE');
    assert.match(error.message, /could not be read on after 2 records/);
    return true;
  });
});

test('a JSON object that is not an array is refused with the shapes accepted', async () => {
  const path = tempFile('object.json', '{"a": 1}');
  await assert.rejects(readFile(path), /an import needs an array of records/);
});

test('array elements that are not objects are skipped and reported', async () => {
  const path = tempFile('mixed.json', '[{"a": 1}, 2, {"a": 3}]');
  const { rows, result } = await readFile(path);
  assert.deepEqual(rows, [[1], [3]]);
  assert.deepEqual(result.issues, [{ line: 2, reason: 'expected an object, found 2' }]);
});
