// The JSON, JSONL and GeoJSON exports with runs of text columns written by SQLite as JSON members
// (RowEncoding.joined) give the bytes of the export value by value, through the real reader
// threads: every character class JSON escapes (quotes, backslashes, control characters), the
// ones it does not (U+2028, U+2029, DEL, non-ASCII, astral), lone surrogates (stored as U+FFFD),
// NULL, '', and blobs (their run is NULL: the range is read again unjoined).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import Database from 'better-sqlite3';

import type { Row } from '../../../src/core/cell.ts';
import { makeField as field } from '../../../src/core/field.ts';
import type { RowEncoding } from '../../../src/core/row-encoding.ts';
import { geoJsonText } from '../../../src/api/exports/geojson.ts';
import { jsonArrayText, jsonLinesText } from '../../../src/api/exports/json.ts';
import { jsonRuns } from '../../../src/api/exports/json-row.ts';
import type { TextBody } from '../../../src/api/exports/text-body.ts';
import type { RecordsExport } from '../../../src/records/index.ts';
import type { EncodedQuery, StorageEngine } from '../../../src/storage/engine.ts';
import { joinedSql } from '../../../src/storage/sqlite/joined-sql.ts';
import { fileText, openRangedStore } from '../../helpers/export-text.ts';
import { rangedExport } from '../../helpers/ranged-export.ts';
import type { TempSqliteEngine } from '../../helpers/temp-sqlite-engine.ts';

const RANGE = 16;
const FIELDS = [
  field('a', 'text'),
  field('b', 'text'),
  field('c', 'text'),
  field('n', 'int'),
  field('d', 'text'),
  field('e', 'text'),
  field('tags', 'text', { multivalued: [';'] }),
  field('seen', 'datetime'),
  field('f', 'text'),
  field('where', 'geo_point_2d'),
  field('g', 'text'),
  field('h', 'text'),
];

const CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('');
const AWKWARD = [
  'plain',
  'é à ç',
  'say "hi" \\ back\\slash',
  CONTROLS,
  'line\nbreak\r\n\ttab\b\f',
  '\u2028\u2029\u007f\u0080\u00ff\u0100',
  '\ud800 lone \udfff',
  '😀 astral \u{10ffff}',
  '\u0000nul',
  '',
  null,
  '</script>',
];

function rows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const pick = (k: number) => (i % 3 !== 0 ? AWKWARD[(i + k * 5) % AWKWARD.length]! : `v${i}`);
    return [
      pick(0),
      pick(1),
      pick(2),
      i,
      pick(3),
      pick(4),
      i % 4 === 0 ? [] : ['x', `t${i}`],
      Date.UTC(2024, 0, 1, 12, 0, i % 60),
      pick(5),
      i % 5 === 0 ? null : { lat: 45 + i / 1000, lon: 4 + i / 1000 },
      pick(6),
      pick(7),
    ] as Row;
  });
}

let temp: TempSqliteEngine;
let engine: StorageEngine;
before(async () => {
  temp = await openRangedStore(RANGE, FIELDS, { awkward: rows(200), blob: rows(200) });
  engine = temp.engine;
  // A blob in a text column (the app never writes one): JSON.stringify writes it as a Buffer.
  const table = (await engine.metadata.getDataset('blob'))!.current!.table;
  const db = new Database(temp.path);
  db.prepare(`UPDATE "${table}" SET "b" = x'00ff22' WHERE "_rowid" IN (40, 41, 170)`).run();
  // x'01' is JSONB's true: json_quote would write it so.
  db.prepare(`UPDATE "${table}" SET "e" = x'01' WHERE "_rowid" = 90`).run();
  db.close();
});
after(() => temp.cleanup());

function exportOf(id: string, select: string | undefined, where: string[] | undefined) {
  return rangedExport(engine, id, select, where);
}

function text(query: EncodedQuery, body: TextBody, encoding: RowEncoding): Promise<string> {
  return fileText(engine, query, body, encoding);
}

test('json_quote writes every code point as JSON.stringify does', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (v TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  let chunk = '';
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    chunk += String.fromCodePoint(cp);
    if (chunk.length >= 4096) {
      insert.run(chunk);
      chunk = '';
    }
  }
  insert.run(chunk);
  for (let c = 0; c < 256; c++) insert.run(`${String.fromCharCode(c)}"\\${String.fromCharCode(c)}`);
  for (const odd of AWKWARD) insert.run(odd);
  // Invalid UTF-8 (decoded as U+FFFD by both, the escapes placed alike).
  db.exec(
    "INSERT INTO t VALUES (CAST(x'c322' AS TEXT)), (CAST(x'ff5c41' AS TEXT)), (CAST(x'e282' AS TEXT)), (CAST(x'eda080' AS TEXT))",
  );
  const read = db.prepare('SELECT v, json_quote(v) FROM t').raw(true);
  let count = 0;
  for (const [value, quoted] of read.iterate() as Iterable<[string | null, string]>) {
    assert.equal(quoted, JSON.stringify(value));
    count++;
  }
  assert.ok(count > 500);
  db.close();
});

test('a JSON run is its members, NULL when one of its values is a blob', () => {
  const db = new Database(':memory:');
  const sql = 'SELECT ?, ?, ?, ?';
  const joined = { runs: [[1, 2, 3]], separator: '', json: { between: [[',"b":', ',"c\'":']] } };
  const read = db.prepare(joinedSql(sql, 4, joined)).raw(true);
  assert.deepEqual(read.get(1, 'x"', null, ''), [1, '"x\\"","b":null,"c\'":""']);
  // x'01' is JSONB's true, x'ff' no JSONB: neither is a JSON string.
  assert.deepEqual(read.get(1, 'x', Buffer.from([1]), ''), [1, null]);
  assert.deepEqual(read.get(1, Buffer.from([255]), 'x', ''), [1, null]);
  assert.deepEqual(read.get(1, null, null, Buffer.alloc(0)), [1, null]);
  db.close();
});

const BODIES = {
  json: (data: RecordsExport) => jsonArrayText(data),
  jsonl: (data: RecordsExport) => jsonLinesText(data),
  geojson: (data: RecordsExport) => geoJsonText(data),
};

for (const id of ['awkward', 'blob']) {
  for (const [format, body] of Object.entries(BODIES)) {
    for (const [select, where] of [
      [undefined, undefined],
      ['h, g, where, f, e, d, n, c, b', ['n >= 7']],
      ['a, upper(b) as b, c, d, e', undefined],
    ] as const) {
      test(`joined JSON runs write the bytes the values do: ${id}, ${format}, ${select ?? 'all columns'}`, async () => {
        const { query, data } = await exportOf(id, select, where ? [...where] : undefined);
        assert.ok(query.ranged);
        const file = body(data);
        const { encoding } = file;
        assert.ok(encoding.joined);
        const { joined: _, ...unjoined } = encoding;
        const valueByValue = await text(query, file, unjoined);
        assert.equal(await text(query, file, encoding), valueByValue);
        JSON.parse(
          format === 'jsonl' ? `[${valueByValue.trim().split('\n').join(',')}]` : valueByValue,
        );
        if (id === 'blob' && select === undefined) assert.match(valueByValue, /"type":"Buffer"/);
      });
    }
  }
}

test('runs are not joined where records are written as objects (index keys, repeated keys)', async () => {
  const { data } = await exportOf('awkward', 'a as "1", b, c', undefined);
  assert.equal(jsonRuns(data.columns), null);
  const { data: plain } = await exportOf('awkward', undefined, undefined);
  assert.deepEqual(jsonRuns(plain.columns)?.runs, [
    [0, 1, 2],
    [4, 5],
    [11, 12],
  ]);
});
