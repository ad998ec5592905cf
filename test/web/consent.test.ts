// The consent banner, panel and placeholders over real HTTP: what a page holds before and after
// each choice, the cookie the choice sets (attributes as the registry says), the proof log,
// withdrawal, a new policy version, and bad posts.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';

import { parsePreferences, serializePreferences } from '../../src/core/consent.ts';
import { csrfFromPage, formWithToken } from '../helpers/csrf.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';
import { testServices } from '../helpers/third-party-services.ts';

const ORIGIN = 'http://127.0.0.1:9';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fr' };

function setCookies(response: LightMyRequestResponse): string[] {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []);
}

function setCookie(response: LightMyRequestResponse, name: string): string | undefined {
  return setCookies(response).find((line) => line.startsWith(`${name}=`));
}

function cookiePair(line: string): string {
  return line.split(';')[0]!;
}

function preferencesOf(response: LightMyRequestResponse) {
  const line = setCookie(response, 'cookies_preferences');
  assert.ok(line, 'cookies_preferences is set');
  return parsePreferences(
    decodeURIComponent(cookiePair(line).slice('cookies_preferences='.length)),
  );
}

for (const engine of TEST_ENGINES)
  describe(`consent without third-party services (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
    });
    after(() => portal.close());

    test('no banner; the footer link leads to the panel', async () => {
      const home = await portal.app.inject({ url: '/', headers: { 'accept-language': 'fr' } });
      const page = parse(home.body);
      assert.equal(page.querySelector('#consent-banner'), null);
      assert.equal(page.querySelector('#consent-services'), null);
      assert.equal(
        page.querySelector('#cookie-settings')?.getAttribute('href'),
        '/cookies/preferences/?next=%2F',
      );
      assert.ok(page.querySelector('#fr-consent-modal'));
      const panel = await portal.app.inject({ url: '/cookies/preferences/', headers: FORM });
      assert.equal(panel.statusCode, 200);
      assert.match(panel.body, /Aucun service tiers n’est configuré/);
      // The portal counts its own anonymous audience (#9): the panel offers the opt-out, unticked.
      const optOut = parse(panel.body).querySelector('input[name=statistics-opt-out]');
      assert.ok(optOut, 'the statistics opt-out is offered');
      assert.equal(optOut.getAttribute('checked'), undefined);
    });

    test('the cookie policy describes the portal’s own measurement and links to its opt-out', async () => {
      for (const [lang, provider, noCookie] of [
        [
          'fr',
          'Datagora',
          /Aucun cookie\. Si vous vous y opposez, votre choix est gardé dans cookies_preferences/,
        ],
        ['en', 'Datagora', /No cookie\. If you object, your choice is kept in cookies_preferences/],
      ] as const) {
        const page = await portal.app.inject({
          url: '/cookies/',
          headers: { 'accept-language': lang },
        });
        const table = parse(page.body).querySelector('#cookies-statistics');
        assert.ok(table, `${lang}: the statistics table`);
        const rows = table.querySelectorAll('tbody tr');
        assert.equal(rows.length, 1);
        assert.equal(rows[0]!.querySelector('th')?.text, provider);
        assert.match(rows[0]!.text, noCookie);
        assert.match(rows[0]!.text, /25/);
        assert.equal(
          rows[0]!.querySelector('a[data-consent-open]')?.getAttribute('href'),
          '/cookies/preferences/?next=%2Fcookies%2F',
        );
        assert.ok(parse(page.body).querySelector('#statistics-opt-out'));
      }
    });

    test('the statistics opt-out is saved in cookies_preferences', async () => {
      const csrf = await csrfFromPage(portal.app, '/cookies/preferences/');
      const response = await portal.app.inject({
        method: 'POST',
        url: '/cookies/preferences/',
        headers: { ...FORM, cookie: csrf.cookie },
        payload: formWithToken(
          { choice: 'custom', 'statistics-opt-out': 'on', next: '/cookies/preferences/' },
          csrf.token,
        ),
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/cookies/preferences/?saved=1');
      const preferences = preferencesOf(response);
      assert.equal(preferences?.statisticsOptOut, true);
      assert.deepEqual(preferences?.services, {});
      const cookie = cookiePair(setCookie(response, 'cookies_preferences')!);
      const panel = await portal.app.inject({
        url: '/cookies/preferences/?saved=1',
        headers: { ...FORM, cookie },
      });
      assert.match(panel.body, /Vos choix ont été enregistrés/);
      const optOut = parse(panel.body).querySelector('input[name=statistics-opt-out]');
      assert.equal(optOut?.getAttribute('checked'), '');
    });

    test('the registry lists the four cookies of the portal and no service', async () => {
      const response = await portal.app.inject({ url: '/cookies/registry.json' });
      const registry = response.json();
      assert.deepEqual(
        registry.cookies.map((c: { name: string; category: string }) => [c.name, c.category]),
        [
          ['sessionid', 'necessary'],
          ['django_language', 'necessary'],
          ['csrftoken', 'necessary'],
          ['cookies_preferences', 'necessary'],
        ],
      );
      assert.deepEqual(registry.services, []);
      assert.ok(Number.isInteger(registry.policyVersion));
    });
  });

for (const engine of TEST_ENGINES)
  describe(`consent with third-party services (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
      for (const service of testServices(ORIGIN))
        await portal.services.consent.saveService(service);
    });
    after(() => portal.close());

    async function choose(fields: Record<string, string>, cookie = '', accept = 'text/html') {
      const csrf = await csrfFromPage(portal.app, '/');
      return portal.app.inject({
        method: 'POST',
        url: '/cookies/preferences/',
        headers: { ...FORM, accept, cookie: [csrf.cookie, cookie].filter(Boolean).join('; ') },
        payload: formWithToken(fields, csrf.token),
      });
    }

    test('before any choice: the banner comes first, nothing of the services is in the page', async () => {
      const home = await portal.app.inject({ url: '/', headers: { 'accept-language': 'fr' } });
      const body = parse(home.body).querySelector('body')!;
      assert.equal(body.firstElementChild?.id, 'consent-banner');
      const buttons = body.querySelectorAll('#consent-banner button[name=choice]');
      assert.deepEqual(
        buttons.map((b) => [b.getAttribute('value'), b.text.trim(), b.getAttribute('class')]),
        [
          ['accept-all', 'Tout accepter', 'fr-btn'],
          ['refuse-all', 'Tout refuser', 'fr-btn'],
        ],
      );
      assert.equal(body.querySelector('#consent-customize')?.text.trim(), 'Personnaliser');
      assert.doesNotMatch(home.body, /<script[^>]+src="http:\/\/127\.0\.0\.1:9/);
      assert.doesNotMatch(home.body, /<iframe/);
      const placeholder = body.querySelector('[data-consent-service=video-host]');
      assert.ok(placeholder);
      assert.match(placeholder.text, /Video Company/);
      assert.ok(placeholder.querySelector('button[value=allow]'));
      // The policy lets the services' origin in, ready for consent given without a reload.
      const csp = String(home.headers['content-security-policy']);
      assert.match(csp, /script-src 'self' http:\/\/127\.0\.0\.1:9/);
      assert.match(csp, /frame-src 'self' http:\/\/127\.0\.0\.1:9/);
      assert.match(csp, /img-src 'self' data: http:\/\/127\.0\.0\.1:9/);
      // Nothing pre-ticked in the panel.
      const panel = parse(home.body).querySelector('#fr-consent-modal')!;
      assert.equal(panel.querySelectorAll('input[name^="service:"][checked]').length, 0);
      assert.equal(panel.querySelectorAll('input[name^="purpose:"][checked]').length, 0);
      assert.equal(panel.querySelectorAll('input[name^="service:"]').length, 6);
    });

    test('accept all: the cookie as the registry says, a proof entry, the services in the page', async () => {
      const response = await choose({ choice: 'accept-all', next: '/explore/' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/explore/');
      const line = setCookie(response, 'cookies_preferences')!;
      assert.match(line, /Max-Age=15552000/);
      assert.match(line, /Path=\//);
      assert.match(line, /SameSite=Lax/);
      assert.doesNotMatch(line, /HttpOnly/);
      assert.doesNotMatch(line, /Secure/);
      const preferences = preferencesOf(response)!;
      assert.deepEqual(preferences.services, {
        'audience-tag': true,
        'video-host': true,
        tiles: true,
      });
      const { version } = await portal.services.consent.policy();
      assert.equal(preferences.policyVersion, version);
      const history = await portal.services.consent.history(preferences.consentId);
      assert.equal(history.length, 1);
      assert.deepEqual(Object.keys(history[0]!).sort(), [
        'consentId',
        'decidedAt',
        'policyVersion',
        'services',
        'statisticsOptOut',
      ]);
      const home = await portal.app.inject({
        url: '/',
        headers: { cookie: cookiePair(line), 'accept-language': 'fr' },
      });
      const page = parse(home.body);
      assert.equal(page.querySelector('#consent-banner'), null);
      assert.ok(page.querySelector('script[src="http://127.0.0.1:9/tag.js"]'));
      assert.equal(page.querySelector('iframe')?.getAttribute('src'), 'http://127.0.0.1:9/embed');
      assert.equal(page.querySelector('iframe')?.getAttribute('title'), 'Video Host');
      assert.equal(
        page.querySelectorAll('#fr-consent-modal input[value=accept][checked]').length,
        5,
      );
    });

    test('withdrawing clears the declared cookies and keeps the consent id', async () => {
      const accepted = await choose({ choice: 'accept-all' });
      const first = preferencesOf(accepted)!;
      const cookie = cookiePair(setCookie(accepted, 'cookies_preferences')!);
      const refused = await choose({ choice: 'refuse-all' }, `${cookie}; tp_visitor=abc`);
      const after = preferencesOf(refused)!;
      assert.equal(after.consentId, first.consentId);
      assert.deepEqual(after.services, {
        'audience-tag': false,
        'video-host': false,
        tiles: false,
      });
      const cleared = setCookie(refused, 'tp_visitor');
      assert.ok(cleared, 'tp_visitor is cleared');
      assert.match(cleared, /^tp_visitor=;/);
      assert.match(cleared, /Max-Age=0/);
      assert.match(cleared, /Path=\//);
      const history = await portal.services.consent.history(first.consentId);
      assert.deepEqual(
        history.map((entry) => entry.services['audience-tag']),
        [true, false],
      );
    });

    test('a placeholder allows its one service; a script answer comes back as JSON', async () => {
      const response = await choose(
        { choice: 'allow', service: 'video-host' },
        '',
        'application/json',
      );
      assert.equal(response.statusCode, 200);
      const saved = response.json();
      assert.deepEqual(saved.services, { 'audience-tag': false, 'video-host': true, tiles: false });
      assert.deepEqual(saved.cleared, []);
      assert.equal(saved.message, 'Vos choix ont été enregistrés.');
    });

    test('a custom choice follows the radios: the service’s own answer beats its purpose', async () => {
      const response = await choose({
        choice: 'custom',
        'purpose:third-party': 'accept',
        'service:tiles': 'refuse',
      });
      assert.deepEqual(preferencesOf(response)!.services, {
        'audience-tag': false,
        'video-host': true,
        tiles: false,
      });
    });

    test('the banner comes back when the choice is expired or the policy changed', async () => {
      const { version } = await portal.services.consent.policy();
      const old = (decidedAt: string, policyVersion = version) =>
        `cookies_preferences=${encodeURIComponent(
          serializePreferences({
            policyVersion,
            decidedAt,
            consentId: 'AbCdEfGhIjKlMnOpQrStUvWx',
            services: { 'audience-tag': true, 'video-host': true, tiles: true },
            statisticsOptOut: false,
          }),
        )}`;
      const banner = async (cookie: string) =>
        parse((await portal.app.inject({ url: '/', headers: { cookie } })).body).querySelector(
          '#consent-banner',
        );
      assert.equal(await banner(old(new Date().toISOString())), null);
      assert.ok(await banner(old(new Date(Date.now() - 181 * 86_400_000).toISOString())));
      assert.ok(await banner(old(new Date().toISOString(), version - 1)));
      assert.ok(await banner('cookies_preferences=garbage'));
      // Adding a service makes a new policy version: the standing choice no longer stands.
      const fresh = old(new Date().toISOString());
      await portal.services.consent.saveService({
        ...testServices(ORIGIN)[1]!,
        id: 'second-video',
        name: 'Second Video',
      });
      assert.equal((await portal.services.consent.policy()).version, version + 1);
      assert.ok(await banner(fresh));
      await portal.services.consent.removeService('second-video');
      // The old registry comes back: its version number too.
      assert.equal((await portal.services.consent.policy()).version, version);
    });

    test('bad posts get a clear error and change nothing', async () => {
      const bad = await choose({ choice: 'maybe' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /<html/);
      assert.equal(setCookie(bad, 'cookies_preferences'), undefined);
      const unknown = await choose({ choice: 'allow', service: 'nope' });
      assert.equal(unknown.statusCode, 404);
      const noToken = await portal.app.inject({
        method: 'POST',
        url: '/cookies/preferences/',
        headers: FORM,
        payload: 'choice=accept-all',
      });
      assert.equal(noToken.statusCode, 403);
      assert.equal(setCookie(noToken, 'cookies_preferences'), undefined);
      const elsewhere = await choose({ choice: 'accept-all', next: '//evil.example/' });
      assert.equal(elsewhere.headers.location, '/');
    });
  });

for (const engine of TEST_ENGINES)
  describe(`consent when the portal does not count its audience (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine, env: { DATAGORA_STATISTICS: 'false' } });
    });
    after(() => portal.close());

    test('neither the panel nor the cookie policy mention a measurement that does not run', async () => {
      const panel = await portal.app.inject({ url: '/cookies/preferences/', headers: FORM });
      assert.equal(parse(panel.body).querySelector('input[name=statistics-opt-out]'), null);
      const page = await portal.app.inject({ url: '/cookies/', headers: FORM });
      assert.equal(parse(page.body).querySelectorAll('#cookies-statistics tbody tr').length, 0);
      assert.equal(parse(page.body).querySelector('#statistics-opt-out'), null);
    });
  });
