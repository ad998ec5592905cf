import assert from 'node:assert/strict';
import { test } from 'node:test';

import { tempFile } from '../helpers.ts';
import { readFile } from './helpers.ts';
import type { DbfColumn } from './shapefile-builder.ts';
import { dbf, pointsShp, zipOf } from './shapefile-builder.ts';

const COLUMNS: DbfColumn[] = [
  { name: 'NOM', type: 'C', length: 30 },
  { name: 'EFFECTIF', type: 'N', length: 6 },
  { name: 'NOTE', type: 'N', length: 8, decimals: 2 },
  { name: 'OUVERT', type: 'L', length: 1 },
  { name: 'VISITE', type: 'D', length: 8 },
];
const ROWS = [
  ['Café de l’Œuf', '12', '4.50', 'T', '20240131'],
  ['Brasserie à côté', '', '3.25', 'F', ''],
  ['Supprimé', '1', '1.00', 'T', '20240101'],
  ['Chez René', '7', '2.75', '?', '20231225'],
];
const POINTS: [number, number][] = [
  [2.35, 48.85],
  [4.83, 45.76],
  [0, 0],
  [5.37, 43.3],
];

test('a Windows-1252 table without .cpg: types from the dBASE header, deleted records skipped', async () => {
  const zip = await zipOf({
    'places/etablissements.shp': pointsShp(POINTS),
    'places/etablissements.dbf': dbf(COLUMNS, ROWS, 'windows-1252', [2]),
    '__MACOSX/places/._etablissements.shp': 'resource fork',
  });
  const { format, layout, rows, result, types } = await readFile(tempFile('places.zip', zip));
  assert.equal(format, 'shapefile');
  assert.deepEqual(types, [
    'nom:text',
    'effectif:int',
    'note:double',
    'ouvert:boolean',
    'visite:date',
    'geo_shape:geo_shape',
    'geo_point_2d:geo_point_2d',
  ]);
  assert.equal(layout.details['encoding'], 'windows-1252');
  assert.deepEqual(
    rows.map((row) => row.slice(0, 5)),
    [
      ['Café de l’Œuf', 12, 4.5, true, '2024-01-31'],
      ['Brasserie à côté', null, 3.25, false, null],
      ['Chez René', 7, 2.75, null, '2023-12-25'],
    ],
  );
  assert.deepEqual(rows[0]?.slice(5), [
    { type: 'Point', coordinates: [2.35, 48.85] },
    { lat: 48.85, lon: 2.35 },
  ]);
  // Issues name the feature's number in the file, deleted ones counted.
  assert.equal(result.rows, 3);
});

test('the .cpg names the encoding; a Lambert-93 .prj is reprojected to WGS 84', async () => {
  const lambert93 =
    'PROJCS["RGF_1993_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",' +
    'SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],' +
    'UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],' +
    'PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],' +
    'PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],' +
    'PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],' +
    'UNIT["Meter",1.0]]';
  const zip = await zipOf({
    'a.shp': pointsShp([[652469.02, 6862035.26]]),
    'a.dbf': dbf([{ name: 'NOM', type: 'C', length: 20 }], [['Hôtel de Ville']], 'utf-8'),
    'a.prj': lambert93,
    'a.cpg': 'UTF-8',
  });
  const { rows, layout } = await readFile(tempFile('lambert.zip', zip));
  assert.equal(layout.details['projection'], 'RGF_1993_Lambert_93');
  assert.equal(rows[0]?.[0], 'Hôtel de Ville');
  const point = rows[0]?.[2] as { lat: number; lon: number };
  assert.ok(Math.abs(point.lat - 48.8566) < 0.001, `latitude ${point.lat}`);
  assert.ok(Math.abs(point.lon - 2.3522) < 0.001, `longitude ${point.lon}`);
});

test('broken archives are refused with the reason', async () => {
  const noShp = await zipOf({ 'readme.txt': 'nothing here' });
  await assert.rejects(readFile(tempFile('none.zip', noShp), {}, 'shapefile'), /holds no \.shp/);
  const short = await zipOf({
    'a.shp': pointsShp(POINTS),
    'a.dbf': dbf(COLUMNS, ROWS.slice(0, 1), 'utf-8'),
  });
  await assert.rejects(readFile(tempFile('short.zip', short)), /fewer records than the \.shp/);
  const badPrj = await zipOf({
    'a.shp': pointsShp(POINTS.slice(0, 1)),
    'a.prj': 'PROJCS["nonsense"',
  });
  await assert.rejects(readFile(tempFile('prj.zip', badPrj)), /projection of the \.prj file/);
});
