import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { RecordBatch } from './record-splitter.ts';
import { RecordSplitter } from './record-splitter.ts';

function collect(chunks: string[], newline: '\n' | '\r' = '\n') {
  const splitter = new RecordSplitter(';', newline);
  const batches: RecordBatch[] = chunks.map((chunk) => splitter.push(chunk));
  batches.push(splitter.end());
  return {
    records: batches.flatMap((b) => b.records),
    lines: batches.flatMap((b) => b.lines),
  };
}

const TEXT =
  'a;b;c\r\n1;"x;y";2\r\n"multi\r\nline\r\nvalue";"say ""hi""";3\r\n\r\n4;5;6\r\n"end\nlf";7;8';

test('records, quotes, embedded line breaks and physical line numbers', () => {
  assert.deepEqual(collect([TEXT]), {
    records: [
      ['a', 'b', 'c'],
      ['1', 'x;y', '2'],
      ['multi\r\nline\r\nvalue', 'say "hi"', '3'],
      [''],
      ['4', '5', '6'],
      ['end\nlf', '7', '8'],
    ],
    lines: [1, 2, 3, 6, 7, 8],
  });
});

test('the result does not depend on where chunks are cut', () => {
  const whole = collect([TEXT]);
  for (let cut = 0; cut <= TEXT.length; cut++) {
    assert.deepEqual(collect([TEXT.slice(0, cut), TEXT.slice(cut)]), whole, `cut at ${cut}`);
  }
  const characters = collect([...TEXT]);
  assert.deepEqual(characters, whole);
});

test('a final line break adds no record; old Mac line breaks work', () => {
  assert.deepEqual(collect(['a;b\n1;2\n']).records, [
    ['a', 'b'],
    ['1', '2'],
  ]);
  assert.deepEqual(collect(['a;b\r1;2\r3;4'], '\r'), {
    records: [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ],
    lines: [1, 2, 3],
  });
});

test('a record with malformed quotes is flagged (it runs to the next closing quote)', () => {
  const splitter = new RecordSplitter(';', '\n');
  assert.deepEqual(splitter.push('a;b\n"x"y;1\nc;d\n').records, [['a', 'b']]);
  assert.equal(splitter.pendingLine, 2);
  assert.equal(splitter.pendingNewlines, 2);
  const last = splitter.end();
  assert.deepEqual(last.malformed, [0]);
  assert.deepEqual(last.lines, [2]);
});
