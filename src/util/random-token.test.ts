import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ALNUM, randomId, randomToken } from './random-token.ts';

test('tokens have the asked length and alphabet, and differ', () => {
  const a = randomToken(32, ALNUM);
  assert.match(a, /^[A-Za-z0-9]{32}$/);
  assert.notEqual(a, randomToken(32, ALNUM));
  assert.match(randomToken(40), /^[a-z0-9]{40}$/);
});

test('ids carry their prefix', () => {
  assert.match(randomId('us'), /^us_[a-z0-9]{16}$/);
});
