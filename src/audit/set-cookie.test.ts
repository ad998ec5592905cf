import assert from 'node:assert/strict';
import { test } from 'node:test';

import { documentCookieNames, parseSetCookie } from './set-cookie.ts';

const NOW = new Date('2026-11-29T10:00:00Z');

test('a portal cookie line gives its name and every attribute, never its value', () => {
  const parsed = parseSetCookie(
    'sessionid=abc123; Max-Age=1209600; Expires=Sun, 13 Dec 2026 10:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure',
    NOW,
  );
  assert.deepEqual(parsed, {
    name: 'sessionid',
    attributes: {
      path: '/',
      domain: null,
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      maxAgeSeconds: 1209600,
    },
    deletes: false,
  });
  assert.doesNotMatch(JSON.stringify(parsed), /abc123/);
});

test('Max-Age wins over Expires; Expires alone counts from the time of receipt', () => {
  const both = parseSetCookie('a=1; Expires=Sun, 29 Nov 2026 11:00:00 GMT; Max-Age=60', NOW);
  assert.equal(both?.attributes.maxAgeSeconds, 60);
  const expires = parseSetCookie('a=1; expires=Sun, 29 Nov 2026 11:00:00 GMT', NOW);
  assert.equal(expires?.attributes.maxAgeSeconds, 3600);
  const session = parseSetCookie('a=1; path=/x', NOW);
  assert.equal(session?.attributes.maxAgeSeconds, null);
  assert.equal(session?.attributes.path, '/x');
});

test('a line that expires the cookie is a deletion', () => {
  assert.equal(parseSetCookie('a=; Max-Age=0; Path=/', NOW)?.deletes, true);
  assert.equal(parseSetCookie('a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', NOW)?.deletes, true);
  assert.equal(parseSetCookie('a=1; Max-Age=-1', NOW)?.deletes, true);
  assert.equal(parseSetCookie('a=1', NOW)?.deletes, false);
});

test('attribute names and SameSite values are case-insensitive; odd values are dropped', () => {
  const parsed = parseSetCookie(
    'tp=1; DOMAIN=.example.org; samesite=STRICT; HTTPONLY; path=relative; max-age=soon',
    NOW,
  );
  assert.deepEqual(parsed?.attributes, {
    path: null,
    domain: 'example.org',
    httpOnly: true,
    secure: false,
    sameSite: 'strict',
    maxAgeSeconds: null,
  });
  assert.equal(parseSetCookie('a=1; SameSite=Whatever', NOW)?.attributes.sameSite, null);
});

test('lines a browser ignores give nothing', () => {
  assert.equal(parseSetCookie('novalue', NOW), null);
  assert.equal(parseSetCookie('=1; Path=/', NOW), null);
  assert.equal(parseSetCookie('', NOW), null);
});

test('document.cookie gives the names of the cookies scripts can read', () => {
  assert.deepEqual(documentCookieNames('csrftoken=abc; django_language=en; flag'), [
    'csrftoken',
    'django_language',
    'flag',
  ]);
  assert.deepEqual(documentCookieNames(''), []);
});
