import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { OutputColumn } from '../../../odsql/index.ts';
import { DbfSchema, dbfNames, plainNumber, utf8Prefix } from './dbf.ts';

test('names fit 10 bytes and stay unique', () => {
  assert.deepEqual(dbfNames(['libelle_commune', 'libelle_commune_2', 'siret', 'libelle_co']), [
    'libelle_co',
    'libelle__1',
    'siret',
    'libelle__2',
  ]);
});

test('text is cut on a character boundary', () => {
  assert.equal(utf8Prefix('aé', 2).toString('utf8'), 'a');
  assert.equal(utf8Prefix('aé', 3).toString('utf8'), 'aé');
  assert.equal(utf8Prefix('😀x', 3).length, 0);
});

test('numbers are written without exponents', () => {
  assert.equal(plainNumber(1e-7, false), '0.0000001');
  assert.equal(plainNumber(2.5, false), '2.5');
  assert.equal(plainNumber(-12.9, true), '-12');
});

test('header and records follow dBASE III: widths grow to the widest value', () => {
  const columns: OutputColumn[] = [
    { key: 'name', type: 'text', positions: [0] },
    { key: 'n', type: 'double', positions: [1] },
    { key: 'ok', type: 'boolean', positions: [2] },
    { key: 'day', type: 'date', positions: [3] },
  ] as OutputColumn[];
  const schema = new DbfSchema(columns, 'UTC');
  const a = schema.cells(['Café', 1.25, 1, '2024-03-09']);
  const b = schema.cells([null, -100, null, null]);
  const header = schema.header(2, new Date(Date.UTC(2025, 0, 31)));
  assert.equal(header.length, 32 + 4 * 32 + 1);
  assert.deepEqual([header[0], header[1], header[2], header[3]], [3, 125, 1, 31]);
  assert.equal(header.readUInt32LE(4), 2);
  const field = (i: number) => ({
    name: header.toString('ascii', 32 + 32 * i, 32 + 32 * i + 11).replace(/\0+$/, ''),
    type: String.fromCharCode(header[32 + 32 * i + 11]!),
    width: header[32 + 32 * i + 16],
    decimals: header[32 + 32 * i + 17],
  });
  assert.deepEqual(field(0), { name: 'name', type: 'C', width: 5, decimals: 0 });
  assert.deepEqual(field(1), { name: 'n', type: 'N', width: 7, decimals: 2 });
  assert.deepEqual(field(2), { name: 'ok', type: 'L', width: 1, decimals: 0 });
  assert.deepEqual(field(3), { name: 'day', type: 'D', width: 8, decimals: 0 });
  assert.equal(header.readUInt16LE(10), 1 + 5 + 7 + 1 + 8);
  assert.equal(schema.record(a).toString('utf8'), ' Café   1.25T20240309');
  assert.equal(schema.record(b).toString('utf8'), `      -100.00?${' '.repeat(8)}`);
});
