import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createDecoder,
  detectEncoding,
  firstInvalidUtf8,
  incompleteTailStart,
  InvalidUtf8Error,
} from './encoding.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

test('UTF-8 with or without a BOM, otherwise Windows-1252', () => {
  assert.deepEqual(detectEncoding(utf8('a;é\n'), true), { encoding: 'utf-8', bom: false });
  assert.deepEqual(detectEncoding(utf8('\ufeffa;b\n'), true), { encoding: 'utf-8', bom: true });
  const latin = Buffer.from([0x61, 0x3b, 0xe9, 0x0a]);
  assert.deepEqual(detectEncoding(latin, true), { encoding: 'windows-1252', bom: false });
});

test('a UTF-8 character cut at the end of an incomplete sample is not held against it', () => {
  const cut = utf8('a;é').subarray(0, 3);
  assert.equal(incompleteTailStart(cut), 2);
  assert.equal(detectEncoding(cut, false).encoding, 'utf-8');
  assert.equal(detectEncoding(cut, true).encoding, 'windows-1252');
});

test('binary and UTF-16 files are refused', () => {
  assert.throws(() => detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), true), {
    code: 'DG_ERR_IMPORT_UNREADABLE',
  });
  assert.throws(() => detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]), true), /UTF-16/);
});

test('the UTF-8 decoder joins characters split across chunks', () => {
  const bytes = utf8('œuvre;été\n');
  const decoder = createDecoder('utf-8');
  const parts = [decoder.write(bytes.subarray(0, 1)), decoder.write(bytes.subarray(1, 8))];
  parts.push(decoder.write(bytes.subarray(8)), decoder.end());
  assert.equal(parts.join(''), 'œuvre;été\n');
});

test('invalid UTF-8 is located', () => {
  const bytes = Buffer.concat([utf8('a\nb\nc'), Buffer.from([0xe9, 0x0a])]);
  assert.equal(firstInvalidUtf8(bytes), 5);
  const decoder = createDecoder('utf-8');
  assert.throws(
    () => decoder.write(bytes),
    (error) => error instanceof InvalidUtf8Error && error.newlinesBefore === 2,
  );
});

test('Windows-1252 is transcoded, including its extra characters', () => {
  const decoder = createDecoder('windows-1252');
  const text = decoder.write(Buffer.from([0xe9, 0x80, 0x9c, 0x3b])) + decoder.end();
  assert.equal(text, 'é€œ;');
});
