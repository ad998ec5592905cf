import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parentDomains } from './cookie-jar.ts';

test('a service cookie is cleared on every parent domain of a DNS host, none of an address', () => {
  assert.deepEqual(parentDomains('dgal.data.example.fr'), ['data.example.fr', 'example.fr']);
  assert.deepEqual(parentDomains('example.fr'), []);
  assert.deepEqual(parentDomains('localhost'), []);
  assert.deepEqual(parentDomains('127.0.0.1'), []);
  assert.deepEqual(parentDomains('::1'), []);
});
