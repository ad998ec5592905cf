import assert from 'node:assert/strict';
import { test } from 'node:test';

import { snappyUncompress } from 'hyparquet';

import { snappyCompress } from './snappy.ts';

/** Bytes of every kind a page holds: repeated texts, counters, noise, and nothing at all. */
function samples(): Uint8Array[] {
  const text = new TextEncoder().encode('Très satisfaisant;75009;RESTAURANT;'.repeat(2000));
  const counter = new Uint8Array(70_000).map((_, i) => (i * 7) & 0xff);
  let seed = 42;
  const noise = new Uint8Array(100_000).map(() => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed >> 16;
  });
  return [new Uint8Array(0), new Uint8Array([1]), text, counter, noise];
}

test('a compressed block reads back as the same bytes with a Parquet reader’s decompressor', () => {
  for (const input of samples()) {
    const compressed = snappyCompress(input);
    const output = new Uint8Array(input.length);
    snappyUncompress(compressed, output);
    assert.deepEqual(output, input);
  }
});

test('repeated bytes compress, random ones stay about their size', () => {
  const [, , text, , noise] = samples();
  assert.ok(snappyCompress(text!).length < text!.length / 10);
  assert.ok(snappyCompress(noise!).length < noise!.length * 1.01);
});
