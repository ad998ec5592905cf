// JSON records written by SQLite (RowEncoding.jsonLines) are the bytes the row encoder writes,
// through the real reader threads, for JSON, JSONL and GeoJSON: every kind of value, texts JSON escapes
// and texts of columns the load found plain, values SQL leaves to JavaScript (the range is then
// encoded row by row), booleans stored as texts.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import Database from 'better-sqlite3';

import type { Row } from '../../../src/core/cell.ts';
import type { RowEncoding } from '../../../src/core/row-encoding.ts';
import { geoJsonText } from '../../../src/api/exports/geojson.ts';
import { jsonArrayText, jsonLinesText } from '../../../src/api/exports/json.ts';
import type { TextBody } from '../../../src/api/exports/text-body.ts';
import type { RecordsExport } from '../../../src/records/index.ts';
import type { EncodedQuery, StorageEngine } from '../../../src/storage/engine.ts';
import { jsonLinesSql } from '../../../src/storage/sqlite/json-lines-sql.ts';
import { REFUSED_BYTE } from '../../../src/storage/sqlite/line-values-sql.ts';
import { plainColumnNames, plainColumnsSql } from '../../../src/storage/sqlite/plain-columns.ts';
import {
  LINE_FIELDS,
  fileText,
  openRangedStore,
  saveWideDataset,
} from '../../helpers/export-text.ts';
import { rangedExport } from '../../helpers/ranged-export.ts';
import type { TempSqliteEngine } from '../../helpers/temp-sqlite-engine.ts';

const RANGE = 16;
const FIELDS = LINE_FIELDS;

const CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('');
const TEXTS = [
  'plain',
  'é à ç',
  'say "hi" \\ back\\slash',
  CONTROLS,
  '\u2028\u2029\u007f\u0080',
  '😀 astral',
  '',
  null,
  '</script>',
];

function rows(count: number, awkward: boolean): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const pick = <T>(list: readonly T[], k: number) => list[(i + k) % list.length]!;
    const odd = awkward && i % 37 === 5;
    return [
      pick(TEXTS, 0),
      odd ? 2 ** 60 : pick([0, -5, 42, 9007199254740991, null], 1),
      odd ? 0.1 + 0.2 : pick([0.1, 2.5, 3, -123.456, 0.000006, null], 2),
      i % 3 === 0 ? null : i % 3 === 1,
      i % 4 === 0 ? null : `2024-0${1 + (i % 9)}-1${i % 10}`,
      pick([Date.UTC(2024, 0, 31, 9), Date.UTC(1950, 5, 1, 0, 0, 0, 250), null], 3),
      pick([[], ['x'], ['say "hi"', 'b;c'], [''], null], 4),
      `b${i}`,
      i % 5 === 0 ? null : { lat: 45 + (i % 100) / 1000, lon: -4 + (i % 77) / 1000 },
    ] as Row;
  });
}

let temp: TempSqliteEngine;
let engine: StorageEngine;
before(async () => {
  temp = await openRangedStore(RANGE, FIELDS, {
    tidy: rows(300, false),
    awkward: rows(300, true),
  });
  engine = temp.engine;
  // Booleans stored as the texts `1` and `t` (which the app never writes): true, as /records says.
  const table = (await engine.metadata.getDataset('awkward'))!.current!.table;
  const db = new Database(temp.path);
  db.prepare(`UPDATE "${table}" SET "ok" = 't' WHERE "_rowid" IN (3, 4)`).run();
  db.prepare(`UPDATE "${table}" SET "ok" = 'f' WHERE "_rowid" = 5`).run();
  db.close();
});
after(() => temp.cleanup());

function text(query: EncodedQuery, body: TextBody, encoding: RowEncoding): Promise<string> {
  return fileText(engine, query, body, encoding);
}

const BODIES = {
  json: (data: RecordsExport) => jsonArrayText(data),
  jsonl: (data: RecordsExport) => jsonLinesText(data),
  geojson: (data: RecordsExport) => geoJsonText(data),
};

/** The records (or features) of a whole file. */
function parsed(format: string, file: string): { ok?: unknown; properties?: { ok?: unknown } }[] {
  if (format === 'jsonl')
    return file
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  const whole = JSON.parse(file);
  return format === 'geojson' ? whole.features : whole;
}

test('records are written in SQL only where SQL writes them exactly', async () => {
  const { data } = await rangedExport(engine, 'tidy', undefined, undefined, 'UTC');
  assert.deepEqual(
    jsonArrayText(data).encoding.jsonLines?.members.map((m) => [m.name, m.value.kind]),
    [
      ['"a":', 'text'],
      ['"n":', 'number'],
      ['"x":', 'number'],
      ['"ok":', 'boolean'],
      ['"day":', 'text'],
      ['"seen":', 'instant'],
      ['"tags":', 'list'],
      ['"b":', 'text'],
      ['"where":', 'point'],
    ],
  );
  const computed = await rangedExport(engine, 'tidy', 'a, upper(b) as b', undefined, 'UTC');
  assert.equal(jsonArrayText(computed.data).encoding.jsonLines, undefined);
  const indexKey = await rangedExport(engine, 'tidy', 'a as "1", b', undefined, 'UTC');
  assert.equal(jsonArrayText(indexKey.data).encoding.jsonLines, undefined);
  // GeoJSON: features whose geometry is the point, the other columns their properties.
  const features = geoJsonText(data).encoding.jsonLines;
  assert.deepEqual(features?.feature, { lat: 8, lon: 9, column: 'where' });
  assert.deepEqual(
    features?.members.map((m) => m.name),
    ['"a":', '"n":', '"x":', '"ok":', '"day":', '"seen":', '"tags":', '"b":'],
  );
});

test('a tidy table is written whole in SQL, its plain columns unlooked at', async () => {
  const { query, data } = await rangedExport(engine, 'tidy', undefined, undefined, 'UTC');
  const { table } = (await engine.metadata.getDataset('tidy'))!.current!;
  const file = jsonArrayText(data);
  const { jsonLines, joined: _, ...rowByRow } = file.encoding;
  const expected = await text(query, file, rowByRow);
  const db = new Database(temp.path, { readonly: true });
  try {
    const plain = plainColumnNames(db.prepare(plainColumnsSql(table)).pluck().get());
    assert.deepEqual([...plain], ['x', 'day', 'b', 'where']);
    const ranged = query.ranged!;
    const params = [...ranged.params];
    params[ranged.fromParam] = 0;
    params[ranged.toParam] = 1_000_000;
    const width = db.prepare(ranged.sql).columns().length;
    const framing = { separator: ',', terminator: '' };
    const sql = jsonLinesSql(ranged.sql, width, jsonLines!, framing, plain);
    assert.match(sql, /coalesce\('"' \|\| "c7" \|\| '"', 'null'\)/);
    // The numbers of `x` and of the point are written unchecked; those of `n` (2^53 - 1 among
    // them) are checked.
    assert.doesNotMatch(sql, /CAST\(printf\('%\.15g', "c(2|8|9)"\) AS REAL\)/);
    for (const c of [2, 8, 9])
      assert.match(sql, new RegExp(`THEN printf\\('%\\.15g', "c${c}"\\) WHEN abs`));
    assert.match(sql, /"c1" BETWEEN -9007199254740991/);
    const [bytes, count] = db
      .prepare(sql)
      .raw(true)
      .get(...params) as [Buffer, number];
    assert.equal(count, 300);
    assert.equal(bytes.includes(REFUSED_BYTE), false);
    assert.equal(`[${bytes.toString()}]`, expected);
  } finally {
    db.close();
  }
  assert.equal(await text(query, file, file.encoding), expected);
  assert.equal(JSON.parse(expected).length, 300);
});

for (const id of ['tidy', 'awkward']) {
  for (const [format, body] of Object.entries(BODIES)) {
    for (const [select, where] of [
      [undefined, undefined],
      ['b, where, seen, a, x, ok', ["seen >= date'1960-01-01'"]],
    ] as const) {
      test(`JSON records in SQL are the encoder's bytes: ${id}, ${format}, ${select ?? 'all'}`, async () => {
        const filter = where ? [...where] : undefined;
        const { query, data } = await rangedExport(engine, id, select, filter, 'UTC');
        const file = body(data);
        assert.ok(file.encoding.jsonLines);
        const { jsonLines: _lines, joined: _, ...rowByRow } = file.encoding;
        const expected = await text(query, file, rowByRow);
        assert.equal(await text(query, file, file.encoding), expected);
        // Again: ranges SQL refused are then encoded row by row at once.
        assert.equal(await text(query, file, file.encoding), expected);
        const records = parsed(format, expected);
        assert.ok(records.length > 50, `${records.length} records`);
        if (id === 'awkward' && select === undefined) {
          assert.deepEqual(
            records.slice(2, 5).map((r) => r.properties?.ok ?? r.ok),
            [true, true, false],
          );
        }
      });
    }
  }
}

test('wide records (more members than an SQL function takes arguments) are written too', async () => {
  await saveWideDataset(engine, 520, 'say "hi"');
  const { query, data } = await rangedExport(engine, 'wide', undefined, undefined, 'UTC');
  for (const [format, body] of Object.entries(BODIES)) {
    if (format === 'geojson') continue;
    const file = body(data);
    assert.ok(file.encoding.jsonLines);
    const { jsonLines: _lines, joined: _, ...rowByRow } = file.encoding;
    const expected = await text(query, file, rowByRow);
    assert.equal(await text(query, file, file.encoding), expected, format);
    const sql = jsonLinesSql(query.ranged!.sql, 520, file.encoding.jsonLines!, {
      separator: ',',
      terminator: '',
    });
    const db = new Database(temp.path, { readonly: true });
    try {
      const params = [...query.ranged!.params];
      params[query.ranged!.fromParam] = 0;
      params[query.ranged!.toParam] = 1_000;
      const [bytes] = db
        .prepare(sql)
        .raw(true)
        .get(...params) as [Buffer];
      if (format === 'json') assert.equal(`[${bytes.toString()}]`, expected);
    } finally {
      db.close();
    }
  }
});

test('records in another zone write their instants in SQL as the encoder does', async () => {
  const { query, data } = await rangedExport(
    engine,
    'awkward',
    undefined,
    undefined,
    'Asia/Kolkata',
  );
  for (const body of Object.values(BODIES)) {
    const file = body(data);
    assert.ok(file.encoding.jsonLines);
    const { jsonLines: _lines, joined: _, ...rowByRow } = file.encoding;
    const expected = await text(query, file, rowByRow);
    assert.match(expected, /T14:30:00\+05:30/);
    assert.equal(await text(query, file, file.encoding), expected);
  }
});
