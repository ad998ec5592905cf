// importFile on a real SQLite store: the format detected or forced, and a file that cannot
// be read loads nothing and leaves the current version serving.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FormatName } from '../../src/ingest/formats/index.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { previewFile } from '../../src/ingest/preview-file.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { formatFixture } from './formats/helpers.ts';
import { dbf, pointsShp, zipOf } from './formats/shapefile-builder.ts';
import { tempFile } from './helpers.ts';

let store: TempSqliteEngine;
before(async () => {
  store = await openTempSqliteEngine();
});
after(() => store.cleanup());

test('the format is detected, or forced; the report says which', async () => {
  const json = await importFile(store.engine, {
    datasetId: 'places',
    path: formatFixture('places.geojson'),
  });
  assert.equal(json.format, 'geojson');
  assert.equal(json.rows, 5);
  const tsv = await importFile(store.engine, {
    datasetId: 'tabbed',
    path: tempFile('upload-1', 'a\tb\n1\t2\n'),
    fileName: 'data.txt',
    format: 'tsv',
  });
  assert.equal(tsv.format, 'tsv');
  assert.deepEqual(
    tsv.version.fields.map((f) => f.name),
    ['a', 'b'],
  );
});

const MALFORMED: [FormatName, () => Promise<string>][] = [
  ['csv', async () => tempFile('bad.csv', Buffer.from([0xff, 0xfe, 0x41, 0x00]))],
  ['tsv', async () => tempFile('bad.tsv', '')],
  ['json', async () => tempFile('bad.json', '[{"a": 1}, {"a": ')],
  ['jsonl', async () => tempFile('bad.jsonl', '{"a": \n{"b": \n')],
  [
    'geojson',
    async () => tempFile('bad.geojson', '{"type": "FeatureCollection", "features": [{"type": '),
  ],
  ['xlsx', async () => tempFile('bad.xlsx', 'PK\x03\x04 broken')],
  [
    'xls',
    async () =>
      tempFile(
        'bad.xls',
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
      ),
  ],
  ['parquet', async () => tempFile('bad.parquet', 'PAR1 nothing PAR1')],
  [
    'shapefile',
    async () =>
      tempFile(
        'bad.zip',
        await zipOf({
          'a.shp': pointsShp([
            [1, 2],
            [3, 4],
          ]),
          'a.dbf': dbf([{ name: 'N', type: 'C', length: 4 }], [['x']], 'utf-8'),
        }),
      ),
  ],
];

for (const [format, make] of MALFORMED) {
  test(`a malformed ${format} file loads nothing and the current version keeps serving`, async () => {
    const id = `kept_${format}`;
    const first = await importFile(store.engine, {
      datasetId: id,
      path: formatFixture('records.jsonl'),
    });
    await assert.rejects(
      importFile(store.engine, { datasetId: id, path: await make(), format }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'DG_ERR_IMPORT_UNREADABLE', error.message);
        return true;
      },
    );
    const dataset = await store.engine.metadata.getDataset(id);
    assert.equal(dataset?.current?.id, first.version.id);
    assert.equal(dataset?.current?.recordsCount, 3);
  });
}

test('a preview gives the format, the fields and the first rows, and loads nothing', async () => {
  const preview = await previewFile(formatFixture('places.geojson'), { rows: 2 });
  assert.equal(preview.format, 'geojson');
  assert.deepEqual(
    preview.layout.fields.map((f) => f.type),
    ['text', 'int', 'geo_shape', 'geo_point_2d'],
  );
  assert.deepEqual(
    preview.rows.map((row) => row[0]),
    ['Point', 'Square'],
  );
  assert.equal(await store.engine.metadata.getDataset('places_preview'), null);
});
