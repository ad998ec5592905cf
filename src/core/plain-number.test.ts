import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isPlainNumber } from './plain-number.ts';

test('a plain number has at most 15 significant digits, between 1e-6 and 1e15', () => {
  for (const value of [0, 1, -1, 3, 48.858901, -2.131386, 0.1, 0.0001, 0.000023, 1e-6, 0.5]) {
    assert.equal(isPlainNumber(value), true, String(value));
  }
  for (const value of [1e15 - 1, 123.456789012345, 0.0000123456789012345, 12345.6789012345]) {
    assert.equal(isPlainNumber(value), true, String(value));
  }
  for (const value of [
    -0,
    0.1 + 0.2,
    1 / 3,
    123456789012345.6,
    1e15,
    9e-7,
    1e-7,
    0.00001 / 3,
    5e-324,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '1',
    null,
    10n,
  ]) {
    assert.equal(isPlainNumber(value), false, String(value));
  }
});
