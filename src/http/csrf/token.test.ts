import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  checkCsrfToken,
  constantTimeEquals,
  isWellFormed,
  maskCsrfSecret,
  newCsrfSecret,
  unmaskCsrfToken,
} from './token.ts';

const letters = (c: string) => c.repeat(32);

test('a new secret is 32 letters and digits, different each time', () => {
  const secrets = new Set(Array.from({ length: 50 }, () => newCsrfSecret()));
  assert.equal(secrets.size, 50);
  for (const secret of secrets) assert.match(secret, /^[A-Za-z0-9]{32}$/);
});

test('masking shifts each secret character by its mask character, modulo 62 (hand-computed)', () => {
  // Alphabet a–z (0–25), A–Z (26–51), 0–9 (52–61): a+b = b; Z(51)+9(61) = 112 mod 62 = 50 = Y.
  assert.equal(maskCsrfSecret(letters('a'), letters('b')), letters('b') + letters('b'));
  assert.equal(maskCsrfSecret(letters('Z'), letters('9')), letters('9') + letters('Y'));
  // 9(61)+b(1) = 62 mod 62 = 0 = a; c(2)+A(26) = 28 = C.
  const secret = '9c' + letters('a').slice(2);
  const mask = 'bA' + letters('a').slice(2);
  assert.equal(maskCsrfSecret(secret, mask), mask + 'aC' + letters('a').slice(2));
});

test('mask then unmask gives the secret back; every token is fresh', () => {
  for (let i = 0; i < 200; i += 1) {
    const secret = newCsrfSecret();
    const token = maskCsrfSecret(secret);
    assert.match(token, /^[A-Za-z0-9]{64}$/);
    assert.equal(token.slice(0, 32) === secret, false);
    assert.equal(unmaskCsrfToken(token), secret);
    assert.notEqual(maskCsrfSecret(secret), token);
  }
  const secret = newCsrfSecret();
  assert.equal(unmaskCsrfToken(secret), secret, 'a raw secret stands for itself');
});

test('a token is accepted masked or raw, for its own secret only', () => {
  const secret = newCsrfSecret();
  assert.equal(checkCsrfToken(maskCsrfSecret(secret), secret), 'valid');
  assert.equal(checkCsrfToken(secret, secret), 'valid');
  const other = newCsrfSecret();
  assert.equal(checkCsrfToken(maskCsrfSecret(other), secret), 'mismatch');
  assert.equal(checkCsrfToken(other, secret), 'mismatch');
});

test('every malformed token is refused before any comparison', () => {
  const secret = newCsrfSecret();
  const token = maskCsrfSecret(secret);
  for (const bad of [
    undefined,
    null,
    42,
    ['x'],
    '',
    token.slice(0, 63),
    token + 'a',
    secret.slice(0, 31),
    token.slice(0, 63) + '-',
    secret.slice(0, 31) + 'é',
    ' '.repeat(64),
  ]) {
    assert.equal(checkCsrfToken(bad, secret), 'malformed', JSON.stringify(bad));
    assert.equal(isWellFormed(bad), false);
  }
  assert.throws(() => unmaskCsrfToken('short'));
  assert.throws(() => maskCsrfSecret('short'));
  assert.throws(() => maskCsrfSecret(secret, 'bad mask'));
});

test('comparisons are constant-time (crypto.timingSafeEqual), never ===', () => {
  assert.equal(constantTimeEquals('abc', 'abc'), true);
  assert.equal(constantTimeEquals('abc', 'abd'), false);
  assert.equal(constantTimeEquals('abc', 'abcd'), false);
  // The comparison of a token with the secret goes through constantTimeEquals, which is built
  // on timingSafeEqual: read the source, since timing itself is not measured by tests.
  const source = readFileSync(new URL('./token.ts', import.meta.url), 'utf8');
  const check = source.slice(source.indexOf('export function checkCsrfToken'));
  assert.match(check, /constantTimeEquals\(unmaskCsrfToken/);
  assert.doesNotMatch(check, /===|!==|==/);
  assert.match(source, /timingSafeEqual\(left, right\)/);
});
