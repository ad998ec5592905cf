import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';

import type { Row } from '../../src/core/cell.ts';
import type { ReadProgress } from '../../src/ingest/index.ts';
import { inspectCsv, readCsv } from '../../src/ingest/index.ts';
import { fixture, readAll, tempFile } from './helpers.ts';

test('typed cells of every inferred type', async () => {
  const { rows, result } = await readAll(fixture('types.csv'));
  assert.deepEqual(result, { rows: 4, rejected: 0, issues: [], issueCount: 0 });
  assert.deepEqual(rows[0], [
    1,
    1.5,
    true,
    '2024-01-31',
    '2024-01-31',
    Date.UTC(2024, 0, 31, 9),
    { lat: 48.85, lon: 2.35 },
    ['Restaurant', 'Traiteur'],
    '01480',
    '02404912400142',
    null,
    'Bonjour',
  ]);
  assert.deepEqual(rows[2], [
    null,
    -0.25,
    true,
    null,
    '2024-03-01',
    Date.UTC(2024, 2, 1, 8, 30),
    null,
    ['Traiteur', 'Glacier'],
    '97600',
    null,
    null,
    null,
  ]);
  assert.equal(rows[3]?.[5], Date.UTC(2024, 11, 25, 23, 59, 59, 500));
});

test('Windows-1252 text is transcoded', async () => {
  const { rows } = await readAll(fixture('windows-1252.csv'));
  assert.deepEqual(
    rows.map((row) => row[0]),
    ["Café de l'Œuf", 'La Bœuf à la mode', 'Chez René — «Le Zinc»', 'Prix en €'],
  );
});

test('a BOM is dropped and CRLF line ends leave no carriage return', async () => {
  const { rows } = await readAll(fixture('bom-crlf.csv'));
  assert.deepEqual(rows, [
    ['01480', 'Fareins', 2075],
    ['75009', 'Paris 9e  Arrondissement', 59629],
    ['97600', 'Mamoudzou', 71437],
  ]);
});

test('quoted values keep separators, quotes and line breaks; issues give physical lines', async () => {
  const { rows, result } = await readAll(fixture('embedded-newlines.csv'), { sampleRows: 2 });
  assert.deepEqual(
    rows.map((row) => row.slice(0, 2)),
    [
      [1, 'first line\r\nsecond line'],
      [2, 'with "quotes" and ; inside'],
      [3, 'a\r\nb\r\nc'],
      [5, 'multi\nline LF'],
      [6, 'fine'],
    ],
  );
  assert.equal(rows[2]?.[2], null);
  assert.deepEqual(result, {
    rows: 5,
    rejected: 1,
    issueCount: 2,
    issues: [
      { line: 5, field: 'score', reason: '"thirty" is not an integer' },
      { line: 8, reason: 'expected 3 columns, found 4' },
    ],
  });
});

test('rows come in batches of 1000 and the sink is awaited', async () => {
  const lines = ['n;label'];
  for (let i = 0; i < 2500; i++) lines.push(`${i};"row\n${i}"`);
  const path = tempFile('batches.csv', lines.join('\n'));
  const layout = await inspectCsv(path);
  const sizes: number[] = [];
  let busy = false;
  const progress: ReadProgress[] = [];
  const result = await readCsv(
    path,
    layout,
    async (rows: Row[]) => {
      assert.equal(busy, false, 'the sink is never called while a batch is pending');
      busy = true;
      await sleep(5);
      sizes.push(rows.length);
      busy = false;
    },
    (p) => progress.push(p),
  );
  assert.deepEqual(sizes, [1000, 1000, 500]);
  assert.equal(result.rows, 2500);
  const last = progress.at(-1);
  assert.deepEqual(last, { rows: 2500, bytesRead: last?.totalBytes, totalBytes: last?.totalBytes });
});

test('line numbers stay right across chunks with embedded line breaks', async () => {
  const lines = ['id;text;n'];
  for (let i = 0; i < 30000; i++) {
    lines.push(
      i % 7 === 0 ? `${i};"two\r\nlines";${i}` : `${i};plain;${i % 1000 === 999 ? 'bad' : i}`,
    );
  }
  const path = tempFile('lines.csv', lines.join('\r\n') + '\r\n');
  const { result } = await readAll(path, { sampleRows: 500 });
  assert.equal(result.rows, 30000);
  const physical = (id: number) => 2 + id + Math.ceil(id / 7);
  assert.deepEqual(
    result.issues.slice(0, 3),
    [999, 1999, 2999].map((id) => ({
      line: physical(id),
      field: 'n',
      reason: '"bad" is not an integer',
    })),
  );
  const bad = Array.from({ length: 30 }, (_, k) => k * 1000 + 999).filter((id) => id % 7 !== 0);
  assert.deepEqual(
    result.issues.map((issue) => issue.line),
    bad.map(physical),
  );
});

test('at most 1000 issues are kept but all are counted', async () => {
  const lines = ['n'];
  for (let i = 0; i < 1500; i++) lines.push(i < 20 ? String(i) : 'x');
  const path = tempFile('issues.csv', lines.join('\n'));
  const layout = await inspectCsv(path, { sampleRows: 20 });
  const result = await readCsv(path, layout, () => {});
  assert.deepEqual([result.rows, result.issues.length, result.issueCount], [1500, 1000, 1480]);
  assert.deepEqual(result.issues[0], { line: 22, field: 'n', reason: '"x" is not an integer' });
});

test('invalid UTF-8 after the sample stops the read and names the line', async () => {
  const path = fixture('late-invalid-utf8.csv');
  const layout = await inspectCsv(path, { sampleRows: 2 });
  assert.equal(layout.encoding, 'utf-8');
  await assert.rejects(
    readCsv(path, layout, () => {}),
    {
      code: 'DG_ERR_IMPORT_UNREADABLE',
      message: /line 5 is not valid UTF-8/,
    },
  );
  const whole = await inspectCsv(path);
  assert.equal(whole.encoding, 'windows-1252');
});

test('invalid UTF-8 far into a big file names the right line', async () => {
  const head = Buffer.from('a;b\n' + 'é;"x\ny"\n'.repeat(40000), 'utf8');
  const path = tempFile(
    'late-big.csv',
    Buffer.concat([head, Buffer.from([0x41, 0x3b, 0xff, 0x0a])]),
  );
  const layout = await inspectCsv(path, { sampleRows: 100 });
  await assert.rejects(
    readCsv(path, layout, () => {}),
    { message: /line 80002 is not valid/ },
  );
});

test('a header-only file gives no row; a missing file is unreadable', async () => {
  const { result } = await readAll(fixture('header-only.csv'));
  assert.equal(result.rows, 0);
  const layout = await inspectCsv(fixture('header-only.csv'));
  await assert.rejects(
    readCsv(fixture('gone.csv'), layout, () => {}),
    {
      code: 'DG_ERR_IMPORT_UNREADABLE',
    },
  );
});

test('blank lines are skipped; a file without a final line break keeps its last row', async () => {
  const { rows, result } = await readAll(tempFile('blank.csv', 'a;b\n1;2\n\n3;4'));
  assert.deepEqual(rows, [
    [1, 2],
    [3, 4],
  ]);
  assert.equal(result.issueCount, 0);
});

test('mixed LF and CRLF line ends, and old Mac CR-only files', async () => {
  const mixed = await readAll(tempFile('mixed.csv', 'a;b\r\n1;x\n2;y\r\n3;z'));
  assert.deepEqual(mixed.rows, [
    [1, 'x'],
    [2, 'y'],
    [3, 'z'],
  ]);
  const mac = await readAll(tempFile('mac.csv', 'a;b\r1;"x\ry"\r2;bad;extra\r'), { sampleRows: 1 });
  assert.deepEqual(mac.rows, [[1, 'x\ry']]);
  assert.deepEqual(mac.result.issues, [{ line: 4, reason: 'expected 2 columns, found 3' }]);
});
