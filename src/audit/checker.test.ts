import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  PORTAL,
  REGISTRY,
  header,
  jar,
  record,
  request,
  script,
  state,
} from './audit-fixture.test-helper.ts';
import type { Violation } from './checker.ts';
import { BROWSER_MAX_AGE_CAP_SECONDS, findViolations } from './checker.ts';
import { originMatches } from './origins.ts';

const CSRF = { httpOnly: false, maxAgeSeconds: 31_449_600 };

function kinds(violations: Violation[]): string[] {
  return violations.map((v) => `${v.kind} ${v.state} ${v.subject}`);
}

test('the portal’s cookies and a consented service’s traffic and cookie pass', () => {
  const necessary = [
    header('sessionid'),
    jar('sessionid'),
    header('csrftoken', CSRF),
    script('csrftoken'),
  ];
  const accepted = state(
    'accepted',
    [
      ...necessary,
      script('tp_visitor'),
      jar('tp_visitor', { httpOnly: false, maxAgeSeconds: 86_390 }),
    ],
    [
      request('https://tag.example.org/tag.js'),
      request('https://a.tiles.example.org/1/2/3.png', 'map'),
    ],
  );
  const audit = record([state('no-choice', necessary), state('refused', necessary), accepted]);
  assert.deepEqual(findViolations(REGISTRY, audit), []);
});

test('a cookie the registry does not know is a violation in every state, consent or not', () => {
  const audit = record([
    state('no-choice', [script('_ga', 'https://tag.example.org')]),
    state('accepted', [
      jar('_ga', {}, 'tag.example.org'),
      header('_ga', {}, 'https://tag.example.org'),
    ]),
  ]);
  const violations = findViolations(REGISTRY, audit);
  assert.deepEqual(kinds(violations), [
    'unregistered-cookie no-choice _ga',
    'unregistered-cookie accepted _ga',
  ]);
  assert.match(violations[0]!.detail, /document\.cookie from https:\/\/tag\.example\.org/);
});

test('a service’s cookie before consent or after refusal is a violation; after acceptance it is not', () => {
  const cookies = [jar('tp_visitor', { httpOnly: false, maxAgeSeconds: 86_400 })];
  const audit = record([
    state('no-choice', cookies),
    state('refused', cookies),
    state('accepted', cookies),
  ]);
  const violations = findViolations(REGISTRY, audit);
  assert.deepEqual(kinds(violations), [
    'cookie-before-consent no-choice tp_visitor',
    'cookie-before-consent refused tp_visitor',
  ]);
  assert.match(violations[0]!.detail, /statistics cookie of service tag/);
});

test('a portal cookie outside the necessary category also waits for consent', () => {
  const registry = {
    ...REGISTRY,
    cookies: [
      ...REGISTRY.cookies,
      { ...REGISTRY.cookies[1]!, name: 'visits', category: 'statistics' as const },
    ],
  };
  const audit = record([state('refused', [header('visits', CSRF)])]);
  assert.deepEqual(kinds(findViolations(registry, audit)), [
    'cookie-before-consent refused visits',
  ]);
});

test('any request leaving the portal before consent or after refusal is a violation, once per origin', () => {
  const audit = record([
    state(
      'no-choice',
      [],
      [request('https://tag.example.org/tag.js'), request('https://tag.example.org/t.gif')],
    ),
    state(
      'refused',
      [],
      [
        request('https://b.tiles.example.org/1/1/1.png', 'map'),
        request('https://cdn.example.net/x.js'),
      ],
    ),
    state('accepted', [], [request('https://cdn.example.net/x.js')]),
  ]);
  const violations = findViolations(REGISTRY, audit);
  assert.deepEqual(kinds(violations), [
    'request-before-consent no-choice https://tag.example.org',
    'request-before-consent refused https://b.tiles.example.org',
    'request-before-consent refused https://cdn.example.net',
  ]);
  assert.match(
    violations[0]!.detail,
    /^2 request\(s\) to service tag, first https:\/\/tag\.example\.org\/tag\.js/,
  );
  assert.equal(violations[1]!.page, 'map');
  assert.match(violations[1]!.detail, /to service tiles/);
  assert.match(violations[2]!.detail, /to an origin no service declares/);
});

test('each attribute that differs from the registry is named with both values', () => {
  const audit = record([
    state('no-choice', [
      header('sessionid', { httpOnly: false, sameSite: null, path: '/explore/', secure: true }),
      header('csrftoken', { ...CSRF, sameSite: 'strict', maxAgeSeconds: 3600 }),
    ]),
  ]);
  const details = findViolations(REGISTRY, audit).map(
    (v) => `${v.subject} ${v.detail.split(' (from')[0]}`,
  );
  assert.deepEqual(details, [
    'sessionid HttpOnly: the registry says yes, the portal sent no',
    'sessionid SameSite: the registry says lax, the portal sent none given',
    'sessionid Path: the registry says /, the portal sent /explore/',
    'sessionid Secure: the registry says no, the portal sent yes',
    'csrftoken SameSite: the registry says lax, the portal sent strict',
    'csrftoken Max-Age: the registry says 31449600 s, the portal sent 3600 s',
  ]);
});

test('Secure is expected exactly when the portal is served over https', () => {
  const https = record(
    [state('no-choice', [header('sessionid', { secure: false }, 'https://portal.test')])],
    'https://portal.test/',
  );
  assert.deepEqual(
    findViolations(REGISTRY, https).map((v) => v.detail.split(' (from')[0]),
    ['Secure: the registry says yes, the portal sent no'],
  );
  const ok = record(
    [state('no-choice', [header('sessionid', { secure: true }, 'https://portal.test')])],
    'https://portal.test/',
  );
  assert.deepEqual(findViolations(REGISTRY, ok), []);
});

test('lifetimes: a tolerance for the jar’s delay, Chromium’s 400-day cap, session cookies', () => {
  const registry = {
    ...REGISTRY,
    cookies: [{ ...REGISTRY.cookies[1]!, maxAgeSeconds: 800 * 86_400 }],
  };
  const capped = record([
    state('no-choice', [
      jar('csrftoken', { ...CSRF, maxAgeSeconds: BROWSER_MAX_AGE_CAP_SECONDS - 30 }),
    ]),
  ]);
  assert.deepEqual(findViolations(registry, capped), []);
  const late = record([state('no-choice', [jar('sessionid', { maxAgeSeconds: 1_209_600 - 200 })])]);
  assert.deepEqual(findViolations(REGISTRY, late), []);
  assert.equal(findViolations(REGISTRY, late, { maxAgeToleranceSeconds: 100 }).length, 1);
  const sessionExpected = record([
    state('accepted', [
      jar('tp_session', { maxAgeSeconds: 600 }, 'a.tiles.example.org'),
      jar('tp_visitor', { maxAgeSeconds: null }),
    ]),
  ]);
  assert.deepEqual(
    findViolations(REGISTRY, sessionExpected).map(
      (v) => `${v.subject} ${v.detail.split(' (from')[0]}`,
    ),
    [
      'tp_session Max-Age: the registry says the browsing session, the browser stored 600 s',
      'tp_visitor Max-Age: the registry says 86400 s, the browser stored the browsing session',
    ],
  );
});

test('a cookie the registry marks HttpOnly must not be readable by the page’s scripts', () => {
  const audit = record([state('no-choice', [script('sessionid')])]);
  assert.deepEqual(
    findViolations(REGISTRY, audit).map((v) => v.detail.split(' (from')[0]),
    ['HttpOnly: the registry says yes, the page’s scripts found it in document.cookie'],
  );
});

test('deletions set nothing; another site’s cookie of the same name is not the portal’s', () => {
  const audit = record([
    state('refused', [
      header('tp_visitor', { maxAgeSeconds: 0 }),
      header('unknown', { maxAgeSeconds: 0 }),
      header('sessionid', { maxAgeSeconds: 0, httpOnly: true }),
      jar('sessionid', { httpOnly: false, path: '/x' }, 'elsewhere.test'),
    ]),
  ]);
  assert.deepEqual(findViolations(REGISTRY, audit), []);
});

test('steps the recorder could not take make the audit incomplete', () => {
  const audit = record([
    state('refused', [], [], ['home, banner refuse-all: no banner button', '/x/ answered 500']),
  ]);
  const violations = findViolations(REGISTRY, audit);
  assert.deepEqual(
    violations.map((v) => `${v.kind} ${v.state} ${v.subject} — ${v.detail}`),
    [
      'incomplete refused home, banner refuse-all — no banner button',
      'incomplete refused recording — /x/ answered 500',
    ],
  );
});

test('wildcard origins match subdomains only, with the same scheme and port', () => {
  assert.ok(originMatches('https://*.tiles.example.org', 'https://a.tiles.example.org'));
  assert.ok(originMatches('https://*.tiles.example.org', 'https://a.b.tiles.example.org'));
  assert.ok(!originMatches('https://*.tiles.example.org', 'https://tiles.example.org'));
  assert.ok(!originMatches('https://*.tiles.example.org', 'http://a.tiles.example.org'));
  assert.ok(!originMatches('https://*.tiles.example.org', 'https://a.tiles.example.org:444'));
  assert.ok(!originMatches('https://*.tiles.example.org', 'https://eviltiles.example.org'));
  assert.ok(originMatches('http://*.localhost:4000', 'http://tiles.localhost:4000'));
  assert.ok(originMatches(PORTAL, PORTAL));
});
