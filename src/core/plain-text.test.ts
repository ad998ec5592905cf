import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isPlainText } from './plain-text.ts';

test('a plain text holds no line delimiter, quote, backslash or control character', () => {
  for (const text of [
    '',
    'AU PONT DE LA GARE',
    'Île-de-France',
    "l'été",
    '😀',
    '48.5 / 2.1',
    '\u007f',
  ]) {
    assert.equal(isPlainText(text), true, JSON.stringify(text));
  }
  for (const text of [
    'a;b',
    'a,b',
    'a|b',
    'a\tb',
    'say "hi"',
    'a\\b',
    'a\nb',
    'a\rb',
    '\u0000',
    '\u001f',
  ]) {
    assert.equal(isPlainText(text), false, JSON.stringify(text));
  }
});
