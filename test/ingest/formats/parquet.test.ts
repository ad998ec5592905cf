import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parquetWriteFile } from 'hyparquet-writer';

import { tempFile, tempPath } from '../helpers.ts';
import { readFile } from './helpers.ts';

test('Parquet: declared types map to ODS types, row groups are read one after the other', async () => {
  const path = tempPath('typed.parquet');
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: 'id', data: [1n, 2n, 2n ** 60n], type: 'INT64' },
      { name: 'whole', data: [1, 2, 3], type: 'DOUBLE' },
      { name: 'ok', data: [true, false, null], type: 'BOOLEAN' },
      {
        name: 'at',
        data: [new Date(Date.UTC(2024, 0, 31, 9, 30)), null, new Date(0)],
        type: 'TIMESTAMP',
      },
      { name: 'day', data: ['2024-01-31', null, '2024-02-01'], type: 'STRING' },
      { name: 'code', data: ['01480', '2A004', null], type: 'STRING' },
      {
        name: 'shape',
        data: [
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
          null,
          { type: 'Point', coordinates: [1, 2] },
        ],
        type: 'GEOMETRY',
      },
      { name: 'extra', data: [{ a: 1 }, null, [1, 2]], type: 'JSON' },
    ],
    rowGroupSize: 2,
  });
  const { format, layout, rows, result, types } = await readFile(path);
  assert.equal(format, 'parquet');
  assert.equal(layout.details['rowGroups'], '2');
  assert.deepEqual(types, [
    'id:int',
    'whole:double',
    'ok:boolean',
    'at:datetime',
    'day:date',
    'code:text',
    'shape:geo_shape',
    'extra:json_blob',
  ]);
  assert.deepEqual(rows[0], [
    1,
    1,
    true,
    Date.UTC(2024, 0, 31, 9, 30),
    '2024-01-31',
    '01480',
    {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    },
    { a: 1 },
  ]);
  assert.deepEqual(rows[2]?.slice(0, 2), [null, 3]);
  // 2^60 does not fit a double exactly: reported, not rounded.
  assert.deepEqual(result.issues, [
    { line: 3, field: 'id', reason: '"1152921504606846976" is not an integer' },
  ]);
});

test('a file that is not Parquet is refused with the reason', async () => {
  const path = tempFile('broken.parquet', 'PAR1 this is not a parquet file PAR1');
  await assert.rejects(readFile(path), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'DG_ERR_IMPORT_UNREADABLE');
    assert.match(error.message, /not a readable Parquet file/);
    return true;
  });
});

test("the real SurEtBon sample: Alim'confiance columns, WKB bytes read as geometries", async () => {
  const path = '/work/shared/data/dgal/SurEtBon__front-end/restaurant_matching_sample.parquet';
  const { rows, result, types } = await readFile(path);
  assert.equal(result.rows, 100);
  assert.equal(result.issueCount, 0);
  assert.ok(types.includes('cs_geores:geo_point_2d'), types.join(' '));
  assert.ok(types.includes('osm_geo:geo_shape'), types.join(' '));
  assert.ok(types.includes('cs_app_libelle_etablissement:text'));
  const geores = types.indexOf('cs_geores:geo_point_2d');
  const point = rows[0]?.[geores] as { lat: number; lon: number };
  // Metropolitan France.
  assert.ok(
    point.lat > 41 && point.lat < 52 && point.lon > -5 && point.lon < 10,
    JSON.stringify(point),
  );
});
