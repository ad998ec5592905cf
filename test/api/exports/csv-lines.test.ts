// CSV lines written by SQLite (RowEncoding.csvLines) are the bytes the row encoder writes: through
// the real reader threads for every kind of cell and every awkward value, range by range (a range
// SQL cannot write is encoded row by row), and value by value for numbers, instants and lists
// against the encoder's own formatting, so that SQL never writes a value the encoder would
// write otherwise.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import Database from 'better-sqlite3';

import type { Row } from '../../../src/core/cell.ts';
import type { CsvLines } from '../../../src/core/csv-lines.ts';
import type { RowEncoding } from '../../../src/core/row-encoding.ts';
import type { CsvOptions } from '../../../src/api/exports/csv.ts';
import { csvText } from '../../../src/api/exports/csv.ts';
import { csvCellFormatter, joinList } from '../../../src/api/exports/csv-values.ts';
import type { EncodedQuery, StorageEngine } from '../../../src/storage/engine.ts';
import { csvLinesSql } from '../../../src/storage/sqlite/csv-lines-sql.ts';
import { REFUSED_BYTE } from '../../../src/storage/sqlite/line-values-sql.ts';
import {
  PLAIN_COLUMNS_KEY,
  plainColumnNames,
  plainColumnsSql,
} from '../../../src/storage/sqlite/plain-columns.ts';
import { formatInstant } from '../../../src/util/iso-time.ts';
import {
  LINE_FIELDS,
  encodedText,
  openRangedStore,
  saveWideDataset,
} from '../../helpers/export-text.ts';
import { rangedExport } from '../../helpers/ranged-export.ts';
import type { TempSqliteEngine } from '../../helpers/temp-sqlite-engine.ts';

const RANGE = 16;
const FIELDS = LINE_FIELDS;

const TEXTS = [
  'plain',
  'é à ç',
  'semi;colon',
  'comma, here',
  'tab\there',
  'pipe|here',
  'say "hi"',
  'line\nbreak',
  'crlf\r\nend',
  'back\\slash',
  'unit\u001fsep',
  '',
  null,
  '😀 astral',
];

/** Values SQL writes itself, cell kind by cell kind. */
const WRITABLE = {
  n: [0, -5, 42, 9007199254740991, null],
  x: [0.1, 2.5, 3, -123.456, 48.858901, 12345678.9, 1e-4, 0.000023, -0.000006, null],
  tags: [[], ['x'], ['a', 'b;c'], ['l’été', 'd,e'], [''], null],
  seen: [
    Date.UTC(2024, 0, 31, 9),
    Date.UTC(1950, 5, 1, 0, 0, 0, 250),
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    null,
  ],
};

/** Values left to the row encoder: more digits than 15, exponents, escapes, huge integers. */
const UNWRITABLE = {
  n: [2 ** 60],
  x: [0.1 + 0.2, 1 / 3, 5e-7, 1e20, 5e-324],
  tags: [['say "hi"'], ['line\nbreak']],
};

function rows(count: number, awkward: boolean): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const pick = <T>(list: readonly T[], k: number) => list[(i + k) % list.length]!;
    const odd = awkward && i % 37 === 5;
    return [
      pick(TEXTS, 0),
      odd ? pick(UNWRITABLE.n, 0) : pick(WRITABLE.n, 1),
      odd ? pick(UNWRITABLE.x, 0) : pick(WRITABLE.x, 2),
      i % 3 === 0 ? null : i % 3 === 1,
      i % 4 === 0 ? null : `2024-0${1 + (i % 9)}-1${i % 10}`,
      pick(WRITABLE.seen, 3),
      odd ? pick(UNWRITABLE.tags, 0) : pick(WRITABLE.tags, 4),
      pick(TEXTS, 7),
      i % 5 === 0 ? null : { lat: 45 + (i % 100) / 1000, lon: -4 + (i % 77) / 1000 },
    ] as Row;
  });
}

let temp: TempSqliteEngine;
let engine: StorageEngine;
before(async () => {
  // Texts that need no quoting in most columns: the load notes them, and SQL does not check them.
  const plain = rows(300, false).map((row, i) => {
    const plain = [...row] as Row;
    plain[0] = i % 50 === 7 ? 'say "hi"' : `name ${i}`;
    plain[6] = i % 3 === 0 ? null : ['x', `t${i % 7}`];
    plain[7] = `b${i}`;
    return plain;
  });
  temp = await openRangedStore(RANGE, FIELDS, {
    tidy: rows(300, false),
    awkward: rows(300, true),
    plain,
  });
  engine = temp.engine;
});
after(() => temp.cleanup());

function text(query: EncodedQuery, encoding: RowEncoding): Promise<string> {
  return encodedText(engine, query, encoding);
}

const OPTIONS: CsvOptions[] = [
  { delimiter: ';', listSeparator: ',', quoteAll: false, withBom: false, useLabels: false },
  { delimiter: ',', listSeparator: ';', quoteAll: false, withBom: false, useLabels: false },
  { delimiter: '\t', listSeparator: ',', quoteAll: false, withBom: false, useLabels: false },
  { delimiter: '|', listSeparator: ' / ', quoteAll: false, withBom: false, useLabels: false },
];

test('lines are written in SQL only where SQL writes them exactly', async () => {
  const { data } = await rangedExport(engine, 'tidy', undefined, undefined, 'UTC');
  const lines = csvText(data, OPTIONS[0]!).encoding.csvLines;
  assert.deepEqual(
    lines?.cells.map((cell) => cell.kind),
    ['text', 'number', 'number', 'boolean', 'text', 'instant', 'list', 'text', 'point'],
  );
  const paris = await rangedExport(engine, 'tidy', undefined, undefined, 'Europe/Paris');
  assert.deepEqual(csvText(paris.data, OPTIONS[0]!).encoding.csvLines?.cells[5], {
    kind: 'instant',
    position: 5,
    zone: 'Europe/Paris',
  });
  const computed = await rangedExport(engine, 'tidy', 'a, upper(b) as b', undefined, 'UTC');
  assert.equal(csvText(computed.data, OPTIONS[0]!).encoding.csvLines, undefined);
  const quoteAll = { ...OPTIONS[0]!, quoteAll: true };
  assert.equal(csvText(data, quoteAll).encoding.csvLines, undefined);
  const listWithDelimiter = { ...OPTIONS[0]!, listSeparator: ';' };
  assert.equal(csvText(data, listWithDelimiter).encoding.csvLines, undefined);
});

/** The whole table as one range, written by csvLinesSql on a connection of the test's own. */
function linesOfTable(query: EncodedQuery, lines: CsvLines) {
  const db = new Database(temp.path, { readonly: true });
  try {
    const ranged = query.ranged!;
    const width = db.prepare(ranged.sql).columns().length;
    const params = [...ranged.params];
    params[ranged.fromParam] = 0;
    params[ranged.toParam] = 1_000_000;
    const [bytes, count] = db
      .prepare(csvLinesSql(ranged.sql, width, lines))
      .raw(true)
      .get(...params) as [Buffer | null, number];
    return {
      text: bytes?.toString() ?? '',
      count,
      refused: bytes?.includes(REFUSED_BYTE) === true,
    };
  } finally {
    db.close();
  }
}

for (const options of OPTIONS) {
  const what = `delimiter ${JSON.stringify(options.delimiter)}`;
  test(`a tidy table's lines are all written in SQL, as the encoder writes them: ${what}`, async () => {
    const { query, data } = await rangedExport(engine, 'tidy', undefined, undefined, 'UTC');
    const { csvLines, joined: _, ...rowByRow } = csvText(data, options).encoding;
    assert.ok(csvLines);
    const expected = await text(query, rowByRow);
    const written = linesOfTable(query, csvLines);
    assert.equal(written.refused, false);
    assert.equal(written.count, 300);
    assert.equal(written.text, expected);
    assert.equal(await text(query, { ...rowByRow, csvLines }), expected);
  });

  for (const [select, where] of [
    [undefined, undefined],
    ['b, where, seen, a, x', ["seen >= date'1960-01-01'"]],
  ] as const) {
    test(`exports write the encoder's bytes, ranges SQL refuses included: ${what}, ${select ?? 'all'}`, async () => {
      const filter = where ? [...where] : undefined;
      const { query, data } = await rangedExport(engine, 'awkward', select, filter, 'UTC');
      const { csvLines, joined: _, ...rowByRow } = csvText(data, options).encoding;
      assert.ok(csvLines);
      assert.equal(linesOfTable(query, csvLines).refused, true);
      const expected = await text(query, rowByRow);
      assert.equal(await text(query, csvText(data, options).encoding), expected);
      // The same export again: ranges refused once are no longer tried in SQL.
      assert.equal(await text(query, csvText(data, options).encoding), expected);
    });
  }
}

/** The plain text columns the load of `id`'s current version noted, read as the readers do. */
async function plainColumnsOf(id: string): Promise<string[] | null> {
  const { table } = (await engine.metadata.getDataset(id))!.current!;
  const db = new Database(temp.path, { readonly: true });
  try {
    const text = db.prepare(plainColumnsSql(table)).pluck().get();
    return text === undefined ? null : [...plainColumnNames(text)];
  } finally {
    db.close();
  }
}

test('the load notes the fields none of whose values needs quoting or an exactness check', async () => {
  // `n` holds 2^53 - 1 (beyond 1e15: printf would write an exponent).
  assert.deepEqual(await plainColumnsOf('plain'), ['x', 'day', 'tags', 'b', 'where']);
  assert.deepEqual(await plainColumnsOf('tidy'), ['x', 'day', 'where']);
});

for (const options of OPTIONS) {
  test(`plain columns are written unchecked, as the encoder writes them: delimiter ${JSON.stringify(options.delimiter)}`, async () => {
    const { query, data } = await rangedExport(engine, 'plain', undefined, undefined, 'UTC');
    const { csvLines, joined: _, ...rowByRow } = csvText(data, options).encoding;
    const expected = await text(query, rowByRow);
    const plain = new Set(await plainColumnsOf('plain'));
    const db = new Database(temp.path, { readonly: true });
    try {
      const ranged = query.ranged!;
      const params = [...ranged.params];
      params[ranged.fromParam] = 0;
      params[ranged.toParam] = 1_000_000;
      const width = db.prepare(ranged.sql).columns().length;
      const sql = csvLinesSql(ranged.sql, width, csvLines!, plain);
      // Only the column holding quotes is looked at.
      assert.equal(
        sql.includes('json_quote(replace(ifnull("c0", \'\')'),
        options.delimiter !== '\t',
      );
      // The numbers of `x` and of the point are written unchecked; those of `n` are checked.
      assert.doesNotMatch(sql, /CAST\(printf\('%\.15g', "c(2|8|9)"\) AS REAL\)/);
      for (const c of [2, 8, 9])
        assert.match(sql, new RegExp(`THEN printf\\('%\\.15g', "c${c}"\\) WHEN abs`));
      assert.match(sql, /"c1" BETWEEN -9007199254740991/);
      const [bytes] = db
        .prepare(sql)
        .raw(true)
        .get(...params) as [Buffer];
      assert.equal(bytes.toString(), expected);
    } finally {
      db.close();
    }
    assert.equal(await text(query, csvText(data, options).encoding), expected);
  });
}

test('a version loaded before plain columns were noted is checked whole', async () => {
  const { table } = (await engine.metadata.getDataset('plain'))!.current!;
  const db = new Database(temp.path);
  try {
    db.prepare(`DELETE FROM "${table}_summary" WHERE key = ?`).run(PLAIN_COLUMNS_KEY);
  } finally {
    db.close();
  }
  assert.equal(await plainColumnsOf('plain'), null);
  const { query, data } = await rangedExport(engine, 'plain', undefined, undefined, 'UTC');
  const { csvLines: _lines, joined: _, ...rowByRow } = csvText(data, OPTIONS[0]!).encoding;
  assert.equal(await text(query, csvText(data, OPTIONS[0]!).encoding), await text(query, rowByRow));
});

test('an index chosen for the filter does not change the order of the lines', async () => {
  const where = ["seen >= date'1960-01-01' and seen < date'2100-01-01'"];
  const { query, data } = await rangedExport(engine, 'tidy', 'a, seen', where, 'UTC');
  const { csvLines, joined: _, ...rowByRow } = csvText(data, OPTIONS[0]!).encoding;
  const expected = await text(query, rowByRow);
  assert.equal(linesOfTable(query, csvLines!).text, expected);
});

/** Random doubles of every magnitude, and the bit patterns around the awkward ones. */
function doubles(count: number): number[] {
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const magnitude = 10 ** Math.floor(random() * 44 - 22);
    const digits = 10 ** Math.floor(random() * 17);
    const value = Math.round(random() * digits) / digits;
    values.push((random() < 0.5 ? -1 : 1) * value * magnitude, random() * magnitude);
  }
  return values;
}

/**
 * Each value alone through csvLinesSql, in a column of `type`, against `expected`: every value
 * SQL writes is the encoder's text; answers how many it wrote (the others it refused).
 */
function writeEach(
  type: 'REAL' | 'INTEGER' | 'TEXT',
  cell: CsvLines['cells'][number]['kind'],
  values: readonly unknown[],
  expected: (value: never) => string,
  zone = 'UTC',
): { written: number; refused: unknown[] } {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE TABLE t (v ${type})`);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => values.forEach((v) => insert.run(v)))();
    const sql = 'SELECT v FROM t WHERE rowid >= ? AND rowid < ? ORDER BY rowid';
    const lines: CsvLines = {
      delimiter: '|',
      listSeparator: '+',
      cells: [{ kind: cell, position: 0, zone } as never],
    };
    const written = db.prepare(csvLinesSql(sql, 1, lines)).raw(true);
    const stored = db.prepare(sql).pluck(true);
    const refused: unknown[] = [];
    for (let id = 1; id <= values.length; id++) {
      const [bytes] = written.get(id, id + 1) as [Buffer, number];
      const value = stored.get(id, id + 1) as never;
      if (bytes.includes(REFUSED_BYTE)) refused.push(value);
      else assert.equal(bytes.toString(), `${expected(value)}\r\n`, JSON.stringify(value));
    }
    return { written: values.length - refused.length, refused };
  } finally {
    db.close();
  }
}

const format = (type: 'double' | 'int') =>
  csvCellFormatter({ key: 'k', type, multivalued: false, positions: [0] }, 'UTC', '+');

test('doubles written in SQL are String(): shortest digits, no exponent, -0 as 0, tiny ones', () => {
  const double = format('double');
  const known = [
    0.1, 2.5, 3, -0, 0, 1e-4, 9.99999e14, 48.858901, -2.131386, 123456789.123456, 0.000006,
    -0.000023, 1e-5, 1e-6, 0.0000987654321,
  ];
  const { written, refused } = writeEach('REAL', 'number', [...doubles(20_000), ...known], (v) =>
    double([v]),
  );
  assert.ok(written > 5000, `${written} written`);
  for (const value of known) assert.ok(!refused.includes(value), `${value} refused`);
  for (const value of [0.1 + 0.2, 1 / 3, 5e-7, 1e-7, 1e15, 1e20, 5e-324, Number.MAX_VALUE]) {
    assert.equal(writeEach('REAL', 'number', [value], (v) => double([v])).written, 0, `${value}`);
  }
});

test('integers written in SQL are String() up to 2^53', () => {
  const int = format('int');
  const values = [0, -1, 42, 9007199254740991, -9007199254740991, 9007199254740992n, 2n ** 62n];
  const { written, refused } = writeEach('INTEGER', 'number', values, (v) => int([v]));
  assert.equal(written, 5);
  assert.deepEqual(refused, [9007199254740992, 2 ** 62]);
});

test('instants written in SQL are formatInstant in UTC, milliseconds and years before 1970 too', () => {
  const instants = [-62167219200000, 253402300799999, 0, -1, -999, 1, 86_399_999, -86_400_001];
  // From year 68 to 9574, to the millisecond.
  for (const value of doubles(2000))
    instants.push(Math.round((((value % 1) + 1) / 2) * 3e14) - 6e13);
  const { written, refused } = writeEach('INTEGER', 'instant', instants, (v) =>
    formatInstant(v, 'UTC'),
  );
  assert.equal(written, instants.length);
  assert.deepEqual(refused, []);
  const beyond = [-62167219200001, 253402300800000];
  assert.equal(writeEach('INTEGER', 'instant', beyond, () => '').written, 0);
});

for (const zone of ['Europe/Paris', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
  test(`instants written in SQL are formatInstant in ${zone}, across its changes of offset`, () => {
    const instants = [Date.UTC(1900, 0, 1), Date.UTC(2100, 0, 1) - 1, 0, -1, 1];
    // From 1900 to 2100, to the millisecond, and whole seconds.
    for (const value of doubles(1500)) {
      const ms = Date.UTC(1900, 0, 1) + Math.floor((((value % 1) + 1) / 2) * 6.3e12);
      instants.push(ms, ms - (ms % 1000));
    }
    // Each side of this century's changes.
    for (let year = 2000; year < 2030; year++) {
      for (const month of [2, 3, 9, 10]) {
        for (let day = 0; day < 31; day += 3) instants.push(Date.UTC(year, month, day, 1, 0, 0));
      }
    }
    const { written, refused } = writeEach(
      'INTEGER',
      'instant',
      instants,
      (v) => formatInstant(v, zone),
      zone,
    );
    assert.equal(written, instants.length);
    assert.deepEqual(refused, []);
    const beyond = [Date.UTC(1899, 11, 31), Date.UTC(2100, 0, 1)];
    assert.equal(writeEach('INTEGER', 'instant', beyond, () => '', zone).written, 0);
  });
}

test('lists written in SQL are joinList; lists with escapes are refused', () => {
  const lists = [
    '[]',
    '[""]',
    '["a"]',
    '["a","b c"]',
    '["l’été","x;y"]',
    '["a\\"b"]',
    '["y\\\\z"]',
    '[1,2]',
    '["]',
  ];
  const { written, refused } = writeEach('TEXT', 'list', lists, (v) => joinList(v, '+'));
  assert.equal(written, 5);
  assert.deepEqual(refused, ['["a\\"b"]', '["y\\\\z"]', '[1,2]', '["]']);
});

// Nesting past SQLite's 1,000 arguments is line-values-sql.test.ts's and json-lines.test.ts's.
test('wide lines (150 cells) are written as the encoder writes them', async () => {
  await saveWideDataset(engine, 150, 'a;b');
  const { query, data } = await rangedExport(engine, 'wide', undefined, undefined, 'UTC');
  const { csvLines, joined: _, ...rowByRow } = csvText(data, OPTIONS[0]!).encoding;
  assert.ok(csvLines);
  const expected = await text(query, rowByRow);
  assert.equal(linesOfTable(query, csvLines).text, expected);
  assert.equal(await text(query, csvText(data, OPTIONS[0]!).encoding), expected);
});

test('an export in another zone writes its instants in SQL as the encoder does', async () => {
  for (const id of ['tidy', 'awkward']) {
    const { query, data } = await rangedExport(engine, id, undefined, undefined, 'Europe/Paris');
    const { csvLines, joined: _, ...rowByRow } = csvText(data, OPTIONS[0]!).encoding;
    assert.ok(csvLines);
    const expected = await text(query, rowByRow);
    assert.match(expected, /T10:00:00\+01:00/);
    if (id === 'tidy') assert.equal(linesOfTable(query, csvLines).text, expected);
    assert.equal(await text(query, csvText(data, OPTIONS[0]!).encoding), expected);
  }
});
