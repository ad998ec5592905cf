import assert from 'node:assert/strict';
import { test } from 'node:test';

import { detectFormat } from '../../../src/ingest/formats/index.ts';
import { fixture, tempFile } from '../helpers.ts';
import { formatFixture } from './helpers.ts';

test('text formats by extension, then by their first character', async () => {
  assert.equal(await detectFormat(fixture('types.csv')), 'csv');
  assert.equal(await detectFormat(formatFixture('records.json')), 'json');
  assert.equal(await detectFormat(formatFixture('records.jsonl')), 'jsonl');
  assert.equal(await detectFormat(formatFixture('places.geojson')), 'geojson');
  assert.equal(await detectFormat(tempFile('a.tsv', 'a\tb\n1\t2\n')), 'tsv');
  assert.equal(await detectFormat(tempFile('noname', '\uFEFF [{"a": 1}]')), 'json');
  assert.equal(await detectFormat(tempFile('lines', '{"a": 1}\n{"a": 2}\n')), 'jsonl');
  assert.equal(await detectFormat(tempFile('upload.bin', 'a;b\n1;2\n')), 'csv');
  // An upload's name decides when the stored file has none.
  assert.equal(await detectFormat(tempFile('upload-1', 'a\tb\n'), 'data.tsv'), 'tsv');
});

test('binary signatures win over the name', async () => {
  assert.equal(await detectFormat(tempFile('data.csv', 'PAR1\0\0\0\0')), 'parquet');
  const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  assert.equal(await detectFormat(tempFile('old.csv', ole2)), 'xls');
});

test('an empty file or a zip of something else is refused', async () => {
  await assert.rejects(detectFormat(tempFile('empty.csv', '')), /the file is empty/);
  await assert.rejects(detectFormat(tempFile('bad.zip', 'PK\x03\x04broken')), /zip archive/);
});
