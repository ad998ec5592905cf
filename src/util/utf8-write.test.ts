import assert from 'node:assert/strict';
import { test } from 'node:test';

import { writeUtf8 } from './utf8-write.ts';

function written(text: string, at = 3): Buffer {
  const target = Buffer.alloc(at + text.length * 3 + 1, 0xaa);
  const count = writeUtf8(target, text, at);
  assert.equal(target[at + count], 0xaa, 'nothing written past the count');
  return target.subarray(at, at + count);
}

test('texts are written as Node writes them, surrogates included', () => {
  const texts = [
    '',
    'AU PONT DE LA GARE',
    'Île-de-France',
    "l'été à Noël",
    '€ ¥ ©',
    '😀 astral 𝄞',
    'lone \ud800 high',
    'lone \udc00 low',
    'ends high \ud83d',
    '\udc00\ud800',
    '\u0000\u007f\u0080\u07ff\u0800\uffff',
    'x'.repeat(63) + 'é',
    'é'.repeat(64),
    '😀'.repeat(40),
  ];
  for (const text of texts) {
    assert.deepEqual(written(text), Buffer.from(text, 'utf8'), JSON.stringify(text));
  }
});

test('random texts of every range of UTF-16 units are written as Node writes them', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const ranges = [0x80, 0x800, 0xd800, 0xe000, 0x10000];
  for (let n = 0; n < 2000; n++) {
    const units = Array.from({ length: next() % 80 }, () => next() % ranges[next() % 5]!);
    const text = String.fromCharCode(...units);
    assert.deepEqual(written(text, n % 5), Buffer.from(text, 'utf8'), JSON.stringify(text));
  }
});
