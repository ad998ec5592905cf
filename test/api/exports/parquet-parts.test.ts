// Parquet row groups written from ranges read by columns (RowEncoding.columnParts,
// parquet-parts.ts) hold what the row encoder writes: through the real reader threads, range by
// range (a range SQL cannot read exactly is encoded row by row), the decoded values, the
// schema and the statistics are those of the file hyparquet-writer makes of the same rows.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FileMetaData } from 'hyparquet';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';

import type { Row } from '../../../src/core/cell.ts';
import type { RowEncoding } from '../../../src/core/row-encoding.ts';
import { parquetBody } from '../../../src/api/exports/parquet.ts';
import type { EncodedQuery, StorageEngine } from '../../../src/storage/engine.ts';
import { plainColumnNames, plainColumnsSql } from '../../../src/storage/sqlite/plain-columns.ts';
import type { RecordsExport } from '../../../src/records/index.ts';
import { LINE_FIELDS, openRangedStore } from '../../helpers/export-text.ts';
import { rangedExport } from '../../helpers/ranged-export.ts';
import type { TempSqliteEngine } from '../../helpers/temp-sqlite-engine.ts';

const RANGE = 16;

const TEXTS = ['plain', 'é à ç', 'semi;colon', 'say "hi"', 'line\nbreak', '', null, '😀 astral'];
const NUMBERS = [0, -5, 42, 9007199254740991, null];
const DOUBLES = [0.1, 2.5, 3, -123.456, 48.858901, -0, 1e-4, null];
// Lists whose stored JSON holds escapes are joined through JSON.parse, still by columns.
const TAGS = [[], ['x'], ['a', 'b;c'], ['l’été', 'd,e'], [''], null, ['say "hi"', 'x","y', 'c\\d']];
const INSTANTS = [Date.UTC(2024, 0, 31, 9), Date.UTC(1950, 5, 1, 0, 0, 0, 250), -1, null];

/** Values SQL cannot give exactly: their ranges are encoded row by row. */
const AWKWARD = { x: [0.1 + 0.2, 1 / 3, 5e-324], n: [2 ** 60] };

/** Points of few decimals (so plain: their numbers are read unchecked), one near 0° of longitude. */
function point(i: number): { lat: number; lon: number } {
  const lat = Number((45 + (i % 100) / 1000).toFixed(3));
  return { lat, lon: i % 7 === 3 ? 0.000023 : Number((-4 + (i % 77) / 1000).toFixed(3)) };
}

function rows(count: number, awkward: boolean): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const pick = <T>(list: readonly T[], k: number) => list[(i + k) % list.length]!;
    const odd = awkward && i % 37 === 5;
    return [
      pick(TEXTS, 0),
      odd ? pick(AWKWARD.n, 0) : pick(NUMBERS, 1),
      odd ? pick(AWKWARD.x, 0) : pick(DOUBLES, 2),
      i % 3 === 0 ? null : i % 3 === 1,
      i % 4 === 0 ? null : `2024-0${1 + (i % 9)}-1${i % 10}`,
      pick(INSTANTS, 3),
      pick(TAGS, 4),
      // A column NULL in whole ranges.
      i < 40 ? null : pick(TEXTS, 5),
      i % 5 === 0 ? null : point(i),
    ] as Row;
  });
}

let temp: TempSqliteEngine;
let engine: StorageEngine;
before(async () => {
  temp = await openRangedStore(RANGE, LINE_FIELDS, {
    tidy: rows(300, false),
    awkward: rows(300, true),
    // Texts of its last ranges larger than the page buffer the earlier ranges leave to reuse.
    long: rows(300, false).map((row, i) =>
      i < 200 ? row : [`${'long text '.repeat(150)}${i}`, ...row.slice(1)],
    ),
  });
  engine = temp.engine;
});
after(() => temp.cleanup());

async function parquetFile(
  query: EncodedQuery,
  data: RecordsExport,
  encoding: RowEncoding,
): Promise<ArrayBuffer> {
  const body = parquetBody(data);
  const pieces: Buffer[] = [];
  for await (const piece of body.frame(engine.streamEncoded(query, encoding))) {
    pieces.push(Buffer.from(piece));
  }
  const file = Buffer.concat(pieces);
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
}

/** Both files of an export: by columns where SQL may, and row by row. */
async function bothFiles(id: string, select?: string, where?: string[]) {
  const { query, data } = await rangedExport(engine, id, select, where, 'Europe/Paris');
  const { encoding } = parquetBody(data);
  const { columnParts, ...rowByRow } = encoding;
  assert.ok(columnParts, 'every column may be read by columns');
  return {
    byColumns: await parquetFile(query, data, encoding),
    byRows: await parquetFile(query, data, rowByRow),
  };
}

/** What each row group's column chunks were written with: dictionaries or plain pages only. */
function encodings(metadata: FileMetaData): string[] {
  return metadata.row_groups.map((group) =>
    group.columns.every((c) => c.meta_data?.dictionary_page_offset === undefined)
      ? 'plain'
      : 'dictionary',
  );
}

test('a tidy dataset is written by columns, with the values, schema and statistics of rows', async () => {
  const { table } = (await engine.metadata.getDataset('tidy'))!.current!;
  const [noted] = await engine.query({ sql: plainColumnsSql(table), params: [] });
  assert.ok(plainColumnNames(noted?.[0]).has('where'), 'the points are read unchecked');
  const { byColumns, byRows } = await bothFiles('tidy');
  const columnsMeta = parquetMetadata(byColumns);
  const rowsMeta = parquetMetadata(byRows);
  assert.deepEqual(columnsMeta.schema, rowsMeta.schema);
  assert.equal(columnsMeta.num_rows, 300n);
  assert.ok(encodings(columnsMeta).every((e) => e === 'plain'));
  assert.ok(encodings(rowsMeta).includes('dictionary'));
  assert.deepEqual(await parquetReadObjects({ file: byColumns }), [
    ...(await parquetReadObjects({ file: byRows })),
  ]);
  assert.equal(columnsMeta.row_groups.length, rowsMeta.row_groups.length);
  columnsMeta.row_groups.forEach((group, g) => {
    assert.equal(group.num_rows, rowsMeta.row_groups[g]!.num_rows);
    group.columns.forEach((chunk, c) => {
      const expected = rowsMeta.row_groups[g]!.columns[c]!.meta_data!;
      const name = `group ${g}, ${chunk.meta_data!.path_in_schema.join('.')}`;
      assert.deepEqual(chunk.meta_data!.statistics, expected.statistics, name);
      assert.deepEqual(
        chunk.meta_data!.geospatial_statistics,
        expected.geospatial_statistics,
        name,
      );
    });
  });
});

for (const [select, where] of [
  [undefined, undefined],
  ['b, where, seen, a, x', ["seen >= date'1960-01-01'"]],
] as const) {
  test(`ranges SQL cannot read exactly are encoded row by row: ${select ?? 'all'}`, async () => {
    const { byColumns, byRows } = await bothFiles(
      'awkward',
      select,
      where ? [...where] : undefined,
    );
    const kinds = encodings(parquetMetadata(byColumns));
    assert.ok(kinds.includes('plain') && kinds.includes('dictionary'), kinds.join());
    assert.deepEqual(await parquetReadObjects({ file: byColumns }), [
      ...(await parquetReadObjects({ file: byRows })),
    ]);
  });
}

test('a range of larger texts than the ranges before it is written whole', async () => {
  const { byColumns, byRows } = await bothFiles('long');
  assert.ok(encodings(parquetMetadata(byColumns)).every((e) => e === 'plain'));
  const written = await parquetReadObjects({ file: byColumns });
  assert.deepEqual(written, [...(await parquetReadObjects({ file: byRows }))]);
  assert.equal(written.length, 300);
  assert.equal(written[299]!['a'], `${'long text '.repeat(150)}299`);
});
