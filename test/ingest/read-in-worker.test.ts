import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Row } from '../../src/core/cell.ts';
import type { CsvReadResult, ReadProgress } from '../../src/ingest/index.ts';
import { inspectCsv, readCsv } from '../../src/ingest/index.ts';
import { readCsvInWorker } from '../../src/ingest/read-in-worker.ts';
import { fixture, tempFile } from './helpers.ts';

async function readWith(
  read: typeof readCsv,
  path: string,
): Promise<{
  rows: Row[];
  lines: number[];
  batches: number[];
  result: CsvReadResult;
  last?: ReadProgress;
}> {
  // A short sample, so that values after it can fail their type and be reported.
  const layout = await inspectCsv(path, { sampleRows: 20 });
  const rows: Row[] = [];
  const lineNumbers: number[] = [];
  const batches: number[] = [];
  let last: ReadProgress | undefined;
  const result = await read(
    path,
    layout,
    (batch, lines) => {
      batches.push(batch.length);
      rows.push(...batch);
      lineNumbers.push(...lines);
    },
    (progress) => (last = progress),
  );
  return { rows, lines: lineNumbers, batches, result, last };
}

test('the reading thread gives the rows, batches, issues and progress of readCsv', async () => {
  const lines = ['name;n;at;point;tags;flag;day'];
  for (let i = 0; i < 2600; i++) {
    const tags = i % 3 === 0 ? '' : i % 3 === 1 ? 'a,b' : 'b,c,d';
    const flag = i % 2 === 0 ? 'true' : 'false';
    const name = i % 7 === 0 ? '"x;\n""quoted"""' : `name ${i} é`;
    const n = i === 1100 ? 'oops' : String(i * 3);
    lines.push(`${name};${n};2024-01-0${(i % 9) + 1}T10:00:00Z;48.${i}, 2.5;${tags};${flag};`);
  }
  lines.push('short;row');
  const path = tempFile('worker-many.csv', lines.join('\n'));
  const inThread = await readWith(readCsv, path);
  const inWorker = await readWith(readCsvInWorker, path);
  assert.equal(inWorker.result.rows, 2600);
  assert.equal(inWorker.result.rejected, 1);
  assert.equal(inWorker.result.issueCount, 2);
  assert.deepEqual(inWorker.result, inThread.result);
  assert.deepEqual(inWorker.batches, inThread.batches);
  assert.deepEqual(inWorker.rows, inThread.rows);
  // Each row's physical line (quoted values span two), which processors' issues name.
  assert.equal(inWorker.lines.length, 2600);
  assert.deepEqual(inWorker.lines, inThread.lines);
  assert.deepEqual(inWorker.last, inThread.last);
});

test('every fixture reads the same in the reading thread', async () => {
  for (const name of ['types.csv', 'windows-1252.csv', 'bom-crlf.csv', 'embedded-newlines.csv']) {
    const inThread = await readWith(readCsv, fixture(name));
    const inWorker = await readWith(readCsvInWorker, fixture(name));
    assert.deepEqual(inWorker.rows, inThread.rows, name);
    assert.deepEqual(inWorker.result, inThread.result, name);
  }
});

test('an unreadable file fails with the same error from the reading thread', async () => {
  const path = fixture('late-invalid-utf8.csv');
  const layout = await inspectCsv(path, { sampleRows: 2 });
  await assert.rejects(
    readCsvInWorker(path, layout, () => {}),
    {
      name: 'PortalError',
      code: 'DG_ERR_IMPORT_UNREADABLE',
      message: /line 5 is not valid UTF-8/,
    },
  );
});

test('a failing sink stops the reading thread and its error comes out', async () => {
  const lines = ['a;b', ...Array.from({ length: 5000 }, (_, i) => `${i};x`)];
  const path = tempFile('worker-sink-fails.csv', lines.join('\n'));
  const layout = await inspectCsv(path);
  let calls = 0;
  await assert.rejects(
    readCsvInWorker(path, layout, () => {
      if (++calls === 2) throw new Error('disk full');
    }),
    /disk full/,
  );
  assert.equal(calls, 2);
});
