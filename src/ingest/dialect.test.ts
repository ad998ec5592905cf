import assert from 'node:assert/strict';
import { test } from 'node:test';

import { detectDelimiter, detectNewline } from './dialect.ts';

test('the delimiter is the one giving a constant column count', () => {
  assert.equal(detectDelimiter('a;b;c\r\n1;2;3\r\n4;5;6\r\n', true), ';');
  assert.equal(detectDelimiter('a,b\n1,2\n', true), ',');
  assert.equal(detectDelimiter('a\tb\tc\n1\t2\t3\n', true), '\t');
  assert.equal(detectDelimiter('a|b\n1|2\n', true), '|');
});

test('delimiters inside quotes are ignored', () => {
  const text = 'name;geores\n"DUPONT, Jean";"44.5, 0.6"\n"A, B, C";"1.0, 2.0"\n';
  assert.equal(detectDelimiter(text, true), ';');
  const commas = 'a,b,c\n"x;y;z;w",1,2\n"p;q",3,4\n';
  assert.equal(detectDelimiter(commas, true), ',');
});

test('a consistent delimiter beats a more frequent but irregular one', () => {
  const text = 'nom;activite\nA;Restaurant,Traiteur\nB;Boucherie\nC;Glacier,Traiteur,Fromagerie\n';
  assert.equal(detectDelimiter(text, true), ';');
});

test('a possibly cut last line does not vote, and one column defaults to a comma', () => {
  assert.equal(detectDelimiter('a;b\n1;2\n3;', false), ';');
  assert.equal(detectDelimiter('title\nhello\n', true), ',');
  assert.equal(detectDelimiter('', true), ',');
});

test('line breaks: LF and CRLF read as LF, a lone CR as CR', () => {
  assert.equal(detectNewline('a;b\r\n1;2\r\n'), '\n');
  assert.equal(detectNewline('a;b\n1;2\n'), '\n');
  assert.equal(detectNewline('"x\r\ny";b\r1;2\r'), '\r');
  assert.equal(detectNewline('abc'), '\n');
});
