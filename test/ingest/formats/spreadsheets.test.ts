import assert from 'node:assert/strict';
import { test } from 'node:test';

import ExcelJS from 'exceljs';
import XLSX from 'xlsx';

import { tempPath, tempFile } from '../helpers.ts';
import { readFile } from './helpers.ts';

test('XLSX: the first sheet, its header row, typed cells, formulas and rich text', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contrôles');
  sheet.addRow([]);
  sheet.addRow(['Nom', 'Effectif', 'Note', 'Ouvert', 'Visite', 'Heure', 'Code', 'Calcul']);
  sheet.addRow([
    { richText: [{ text: 'Café ' }, { text: 'de la Gare' }] },
    12,
    4.5,
    true,
    new Date(Date.UTC(2024, 0, 31)),
    new Date(Date.UTC(2024, 0, 31, 9, 30)),
    '01480',
    { formula: 'B3*2', result: 24 },
  ]);
  sheet.addRow([]);
  sheet.addRow([
    'Le Zinc',
    'douze',
    3.25,
    false,
    null,
    null,
    2404,
    { formula: 'B5*2', result: 1 },
    'stray',
  ]);
  workbook.addWorksheet('Autre').addRow(['ignored']);
  const path = tempPath('controls.xlsx');
  await workbook.xlsx.writeFile(path);

  const { format, layout, rows, result, types } = await readFile(path, { sampleRows: 1 });
  assert.equal(format, 'xlsx');
  assert.equal(layout.details['sheet'], 'Contrôles');
  assert.deepEqual(types, [
    'nom:text',
    'effectif:int',
    'note:double',
    'ouvert:boolean',
    'visite:date',
    'heure:datetime',
    'code:text',
    'calcul:int',
  ]);
  assert.deepEqual(rows, [
    ['Café de la Gare', 12, 4.5, true, '2024-01-31', Date.UTC(2024, 0, 31, 9, 30), '01480', 24],
    ['Le Zinc', null, 3.25, false, null, null, '2404', 1],
  ]);
  // Rows are the sheet's own numbers.
  assert.deepEqual(result.issues, [
    { line: 5, reason: 'values beyond the 8 named columns are left out' },
    { line: 5, field: 'effectif', reason: '"douze" is not an integer' },
  ]);
});

test('XLS: SheetJS in a worker; date-formatted numbers are dates (1900 system)', async () => {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Nom', 'Nombre', 'Jour', 'Quand', 'Ok'],
    [
      'a',
      1,
      { t: 'n', v: 45322, z: 'yyyy-mm-dd' },
      { t: 'n', v: 45322.375, z: 'yyyy-mm-dd hh:mm' },
      true,
    ],
    [],
    ['b', 2.5, null, null, false],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Feuille');
  const path = tempPath('old.xls');
  XLSX.writeFile(book, path, { bookType: 'biff8' });
  const { format, layout, rows, types } = await readFile(path);
  assert.equal(format, 'xls');
  assert.equal(layout.details['sheet'], 'Feuille');
  assert.deepEqual(types, [
    'nom:text',
    'nombre:double',
    'jour:date',
    'quand:datetime',
    'ok:boolean',
  ]);
  assert.deepEqual(rows, [
    ['a', 1, '2024-01-31', Date.UTC(2024, 0, 31, 9), true],
    ['b', 2.5, null, null, false],
  ]);
});

test('a damaged workbook is refused, whatever its name says', async () => {
  const fake = tempFile('fake.xlsx', 'PK\x03\x04 not really a zip');
  await assert.rejects(readFile(fake, {}, 'xlsx'), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'DG_ERR_IMPORT_UNREADABLE');
    return true;
  });
  const ole2 = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(600),
  ]);
  await assert.rejects(
    readFile(tempFile('broken.xls', ole2)),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'DG_ERR_IMPORT_UNREADABLE');
      assert.match(error.message, /XLS/);
      return true;
    },
  );
});
