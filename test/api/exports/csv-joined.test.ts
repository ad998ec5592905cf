// The CSV export with runs of text columns joined in SQL (RowEncoding.joined) writes the same
// bytes as the export cell by cell, through the real reader threads, for every awkward cell:
// delimiters (which make a range be read again unjoined), quotes, CR, LF, U+001F, NULL, ''.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Row } from '../../../src/core/cell.ts';
import { makeField as field } from '../../../src/core/field.ts';
import type { RowEncoding } from '../../../src/core/row-encoding.ts';
import type { CsvOptions } from '../../../src/api/exports/csv.ts';
import { csvText } from '../../../src/api/exports/csv.ts';
import { plainTextRuns } from '../../../src/api/exports/text-runs.ts';
import { createRowEncoder } from '../../../src/api/exports/csv-row.ts';
import type { EncodedQuery, StorageEngine } from '../../../src/storage/engine.ts';
import { encodedText, saveDatasetRows } from '../../helpers/export-text.ts';
import { rangedExport } from '../../helpers/ranged-export.ts';
import type { TempSqliteEngine } from '../../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../../helpers/temp-sqlite-engine.ts';

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
  field('g', 'text'),
  field('where', 'geo_point_2d'),
];

const AWKWARD = [
  'plain',
  'é à ç',
  'l’été « quoted »',
  'semi;colon',
  'comma, here',
  'tab\there',
  'pipe|here',
  'say "hi"',
  '"',
  'line\nbreak',
  'carriage\rreturn',
  'crlf\r\nend',
  'unit\u001fsep',
  '=1+2',
  ' padded ',
  '',
  null,
  '😀 astral',
];

/** Cells that need quoting or look odd but hold no delimiter: joined rows are written. */
const QUOTING = AWKWARD.filter((cell) => cell === null || !/[;,\t|]/.test(cell));

/** Rows that put every odd value in every text column, in turn, among plain ones. */
function rows(count: number, odd: readonly (string | null)[]): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const pick = (k: number) =>
      odd.length > 0 && i % 3 !== 0 ? odd[(i + k * 5) % odd.length]! : `v${i}-${k}`;
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
      pick(6),
      i % 5 === 0 ? null : { lat: 45 + i / 1000, lon: 4 + i / 1000 },
    ] as Row;
  });
}

let temp: TempSqliteEngine;
let engine: StorageEngine;
before(async () => {
  temp = await openTempSqliteEngine({ readers: 2, exportRangeRows: RANGE });
  engine = temp.engine;
  for (const [id, odd] of [
    ['awkward', AWKWARD],
    ['quoting', QUOTING],
    ['tidy', []],
    ['late', []],
  ] as const) {
    const written = rows(200, odd);
    // Ranges joined, then one whose text holds every delimiter (read again cell by cell).
    if (id === 'late') written[150]![1] = 'a;b,c\td|e "f"';
    await saveDatasetRows(engine, id, FIELDS, written);
  }
});
after(() => temp.cleanup());

function exportOf(id: string, select: string | undefined, where: string[] | undefined) {
  return rangedExport(engine, id, select, where);
}

function text(query: EncodedQuery, encoding: RowEncoding): Promise<string> {
  return encodedText(engine, query, encoding);
}

const OPTIONS: CsvOptions[] = [
  { delimiter: ';', listSeparator: ',', quoteAll: false, withBom: false, useLabels: false },
  { delimiter: ',', listSeparator: ';', quoteAll: false, withBom: true, useLabels: true },
  { delimiter: '\t', listSeparator: ',', quoteAll: false, withBom: false, useLabels: false },
  { delimiter: '|', listSeparator: '|', quoteAll: false, withBom: false, useLabels: false },
  { delimiter: ';', listSeparator: ',', quoteAll: true, withBom: false, useLabels: false },
];

test('runs are the neighbouring stored text fields, two or more', async () => {
  const { data } = await exportOf('tidy', undefined, undefined);
  assert.deepEqual(plainTextRuns(data.columns), [
    [0, 1, 2],
    [4, 5],
    [8, 9],
  ]);
  const chosen = await exportOf('tidy', 'a, upper(b) as b, c, d', undefined);
  assert.deepEqual(plainTextRuns(chosen.data.columns), [[2, 3]]);
});

test('a joined row is written as it is, split when a cell needs quotes, refused with a delimiter', async () => {
  const { data } = await exportOf('tidy', 'a, b, c', undefined);
  const joined = csvText(data, OPTIONS[0]!).encoding.joined!;
  const encode = createRowEncoder(joined.options as never);
  assert.equal(encode(['x;;z']), 'x;;z');
  assert.equal(encode(['say "hi";a\nb;\u001f']), '"say ""hi""";"a\nb";\u001f');
  assert.equal(encode(['x;y;z;w']), null);
});

for (const id of ['awkward', 'quoting', 'tidy', 'late']) {
  for (const options of OPTIONS) {
    for (const [select, where] of [
      [undefined, undefined],
      ['g, f, e, d, n, c, b', ['n >= 7']],
    ] as const) {
      const what = `${id}, delimiter ${JSON.stringify(options.delimiter)}${options.quoteAll ? ', quote_all' : ''}, ${select ?? 'all columns'}`;
      test(`joined runs write the bytes the cells do: ${what}`, async () => {
        const { query, data } = await exportOf(id, select, where ? [...where] : undefined);
        assert.ok(query.ranged);
        // Lines written in SQL are csv-lines.test.ts's: here the rows reach the encoder.
        const { csvLines: _lines, ...encoding } = csvText(data, options).encoding;
        const expectJoined = !options.quoteAll;
        assert.equal(encoding.joined !== undefined, expectJoined);
        const { joined: _, ...unjoined } = encoding;
        const cellByCell = await text(query, unjoined);
        assert.equal(await text(query, encoding), cellByCell);
        assert.equal(cellByCell.split('\r\n').length > (where ? 150 : 200), true);
      });
    }
  }
}
