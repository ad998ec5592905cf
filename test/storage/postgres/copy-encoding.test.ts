// COPY text encoding, the record id and the type parsers: pure functions, no server needed.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';

import type { Field } from '../../../src/core/field.ts';
import {
  arrayLiteral,
  copyJson,
  copyText,
  copyTextArray,
  jsonText,
} from '../../../src/storage/postgres/copy-text.ts';
import { bboxOf } from '../../../src/storage/postgres/geometry-bbox.ts';
import { recordId } from '../../../src/storage/postgres/record-id.ts';
import { checkFields } from '../../../src/storage/postgres/record-table.ts';
import { isDeadLocalOwner } from '../../../src/storage/postgres/recovery.ts';
import { createRowEncoder } from '../../../src/storage/postgres/row-encoder.ts';
import { parseTimestamp } from '../../../src/storage/postgres/type-parsers.ts';

function field(name: string, type: Field['type'], annotations: Field['annotations'] = {}): Field {
  return { name, label: name, type, description: null, annotations };
}

test('text escapes backslashes, tabs, newlines and carriage returns, and drops NUL', () => {
  assert.equal(copyText('plain é ü 東京'), 'plain é ü 東京');
  assert.equal(copyText('a\tb'), 'a\\tb');
  assert.equal(copyText('line1\nline2\r\n'), 'line1\\nline2\\r\\n');
  assert.equal(copyText('C:\\dir\\'), 'C:\\\\dir\\\\');
  assert.equal(copyText('\\N'), '\\\\N');
  assert.equal(copyText('\\.'), '\\\\.');
  assert.equal(copyText('nul\0byte'), 'nulbyte');
  assert.equal(copyText(`quotes ' and "`), `quotes ' and "`);
});

test('array literals quote every item and escape quotes and backslashes', () => {
  assert.equal(arrayLiteral([]), '{}');
  assert.equal(arrayLiteral(['a', 'NULL', null]), '{"a","NULL",NULL}');
  assert.equal(
    arrayLiteral(['say "hi"', 'back\\slash', 'a,b', '{x}']),
    String.raw`{"say \"hi\"","back\\slash","a,b","{x}"}`,
  );
  // The literal's backslashes are escaped once more for COPY, tabs and newlines too.
  assert.equal(copyTextArray(['q"', 'tab\there']), String.raw`{"q\\"","tab\there"}`);
  assert.equal(copyTextArray(['b\\']), String.raw`{"b\\\\"}`);
});

test('JSON is written compact, with its backslashes escaped for COPY', () => {
  assert.equal(copyJson({ a: 'x"y', b: [1, null] }), String.raw`{"a":"x\\"y","b":[1,null]}`);
  assert.equal(copyJson('new\nline'), String.raw`"new\\nline"`);
  assert.equal(jsonText({ s: 'a\0b' }), '{"s":"ab"}');
  assert.equal(jsonText({ s: 'a\\u0000b' }), String.raw`{"s":"a\\u0000b"}`);
});

test('the record id is the SHA-1 of JSON.stringify of the typed cells', () => {
  const row = ['Café', 12, 1.5, true, null, ['a', 'b'], { lat: 1, lon: 2 }];
  const expected = createHash('sha1').update(JSON.stringify(row)).digest('hex');
  assert.equal(recordId(row), expected);
  assert.match(recordId(row), /^[0-9a-f]{40}$/);
  assert.notEqual(recordId(['a', null]), recordId([null, 'a']));
});

test('a row becomes one COPY line: rowid, id, then the physical columns', () => {
  const fields = [
    field('t', 'text'),
    field('l', 'text', { multivalued: [';'] }),
    field('i', 'int'),
    field('r', 'double'),
    field('b', 'boolean'),
    field('d', 'date'),
    field('dt', 'datetime'),
    field('p', 'geo_point_2d'),
    field('s', 'geo_shape'),
    field('j', 'json_blob'),
  ];
  const encoder = createRowEncoder(fields);
  const row = [
    'a\tb',
    ['x', 'y'],
    42,
    -0.5,
    false,
    '2024-02-29',
    Date.UTC(2024, 1, 29, 12, 30, 0, 250),
    { lat: 48.85, lon: 2.35 },
    {
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, -4],
      ],
    },
    { k: 'v' },
  ];
  const empty = fields.map(() => null);
  const text = encoder.encode([row, empty]);
  const [first, second, end] = text.split('\n');
  assert.equal(end, '');
  assert.deepEqual(first!.split('\t'), [
    '1',
    recordId(row),
    'a\\tb',
    '{"x","y"}',
    '42',
    '-0.5',
    'f',
    '2024-02-29',
    '2024-02-29T12:30:00.250Z',
    '48.85',
    '2.35',
    '{"type":"LineString","coordinates":[[1,2],[3,-4]]}',
    '1',
    '-4',
    '3',
    '2',
    '{"k":"v"}',
  ]);
  assert.deepEqual(second!.split('\t').slice(2), Array(15).fill('\\N'));
  assert.equal(encoder.count, 2);
  assert.match(encoder.encode([empty]), /^3\t/);
});

test('a bad cell names its record and field, and leaves the count unchanged', () => {
  const encoder = createRowEncoder([field('n', 'int')]);
  assert.throws(() => encoder.encode([[1], [2.5]]), /record 2, field "n": 2.5 is not an integer/);
  assert.equal(encoder.count, 0);
  assert.throws(() => encoder.encode([[1, 2]]), /record 1 has 2 cells where 1 fields/);
  assert.equal(encoder.encode([[2 ** 60]]), `1\t${recordId([2 ** 60])}\t1152921504606846976\n`);
});

test('a bounding box covers every position of a geometry', () => {
  assert.deepEqual(bboxOf({ type: 'Point', coordinates: [2, 48] }), [2, 48, 2, 48]);
  assert.deepEqual(
    bboxOf({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [5, 5] },
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 1],
              [2, 3],
              [-1, 0],
              [0, 1],
            ],
          ],
        },
      ],
    }),
    [-1, 0, 5, 5],
  );
  assert.equal(bboxOf({ type: 'Polygon', coordinates: [] }), null);
});

test('timestamps parse to epoch milliseconds, whatever the offset', () => {
  assert.equal(parseTimestamp('2024-02-29 12:30:00.25+00'), Date.UTC(2024, 1, 29, 12, 30, 0, 250));
  assert.equal(parseTimestamp('2024-02-29 14:30:00+02'), Date.UTC(2024, 1, 29, 12, 30));
  assert.equal(parseTimestamp('2024-02-29 12:00:00-03:30'), Date.UTC(2024, 1, 29, 15, 30));
  assert.equal(
    parseTimestamp('0050-01-01 00:00:00+00'),
    new Date('0050-01-01T00:00:00Z').getTime(),
  );
  assert.equal(
    parseTimestamp('0001-01-01 00:00:00+00 BC'),
    new Date('0000-01-01T00:00:00Z').getTime(),
  );
  assert.equal(parseTimestamp('infinity'), Infinity);
});

test('a loading owner is dead when it ran on this host under a pid that is gone', () => {
  assert.equal(isDeadLocalOwner(`here:${process.pid}`, 'here'), false);
  assert.equal(isDeadLocalOwner('elsewhere:1', 'here'), false);
  assert.equal(isDeadLocalOwner('here:2147483646', 'here'), true);
  assert.equal(isDeadLocalOwner(null, 'here'), false);
});

test('field names must make valid, distinct columns', () => {
  assert.doesNotThrow(() => checkFields([field('a_1', 'text'), field('p', 'geo_point_2d')]));
  assert.throws(() => checkFields([field('Bad', 'text')]), /invalid field name "Bad"/);
  assert.throws(() => checkFields([field('_id', 'text')]), /reserved/);
  assert.throws(() => checkFields([field('a', 'text'), field('a', 'int')]), /defined twice/);
  assert.throws(() => checkFields([field('x'.repeat(60), 'geo_point_2d')]), /longer than 63/);
});
