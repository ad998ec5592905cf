import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isPortalError } from '../core/errors.ts';
import { checkNewPassword, hashPassword, verifyDecoy, verifyPassword } from './passwords.ts';

test('a hash is argon2id at the OWASP cost and verifies only its password', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
  assert.equal(await verifyPassword(hash, 'correct horse batterz'), false);
  assert.equal(await verifyPassword('not a hash', 'x'), false);
  assert.equal(await verifyDecoy('anything'), false);
});

test('new passwords need 12 to 1024 characters', () => {
  assert.throws(() => checkNewPassword('short pass'), isPortalError);
  assert.throws(() => checkNewPassword('x'.repeat(1025)), isPortalError);
  checkNewPassword('éléphant rose');
});
