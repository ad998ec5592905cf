// The frame every page shares, and the language: negotiation, the setlang form, headers.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { csrfFromPage, formWithToken } from '../helpers/csrf.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { getPage, startSitePortal, texts } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

for (const engine of TEST_ENGINES)
  describe(`site layout and language (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startSitePortal({ engine, extra: false });
    });
    after(async () => portal.close());

    test('French by default: lang attribute, Content-Language, Vary', async () => {
      const page = await getPage(portal, '/');
      assert.equal(page.status, 200);
      assert.equal(page.dom.querySelector('html')?.getAttribute('lang'), 'fr');
      assert.equal(page.headers['content-language'], 'fr');
      assert.match(String(page.headers['vary']), /Cookie/);
      assert.match(String(page.headers['vary']), /Accept-Language/);
      assert.deepEqual(texts(page.dom, '.fr-nav__link'), ['Accueil', 'Jeux de données']);
    });

    test('Accept-Language chooses English; the cookie wins over it', async () => {
      const english = await getPage(portal, '/', { 'accept-language': 'en-GB,en;q=0.9' });
      assert.equal(english.dom.querySelector('html')?.getAttribute('lang'), 'en');
      assert.deepEqual(texts(english.dom, '.fr-nav__link'), ['Home', 'Datasets']);
      const cookie = await getPage(portal, '/', {
        'accept-language': 'en',
        cookie: 'django_language=fr',
      });
      assert.equal(cookie.headers['content-language'], 'fr');
    });

    test('skip links, header search, footer links and the conformity mention', async () => {
      const { dom } = await getPage(portal, '/explore/');
      const skips = dom.querySelectorAll('.fr-skiplinks a').map((a) => a.getAttribute('href'));
      for (const target of skips) {
        assert.ok(dom.querySelector(target!), `skip link target ${target} exists`);
      }
      assert.equal(dom.querySelector('#header-search')?.getAttribute('action'), '/explore/');
      const footer = texts(dom, '.fr-footer__bottom-link');
      assert.ok(footer.includes('Accessibilité : non conforme'));
      assert.ok(footer.includes('Gestion des cookies'));
      for (const href of dom
        .querySelectorAll('.fr-footer__bottom-link')
        .map((a) => a.getAttribute('href'))) {
        const linked = await getPage(portal, href!.split('#')[0]!);
        assert.equal(linked.status, 200, `${href} answers`);
      }
    });

    test('the State identity shows by default and can be turned off', async () => {
      const state = await getPage(portal, '/');
      assert.ok(state.dom.querySelector('.fr-header__logo .fr-logo'));
      const other = await startSitePortal({
        engine,
        extra: false,
        env: { DATAGORA_STATE_IDENTITY: 'false', DATAGORA_PORTAL_NAME: 'Open Metropole' },
      });
      try {
        const page = await getPage(other, '/');
        assert.equal(page.dom.querySelector('.fr-logo'), null);
        assert.equal(texts(page.dom, '.fr-header__service-title')[0], 'Open Metropole');
      } finally {
        await other.close();
      }
    });

    test('POST /i18n/setlang/ sets django_language as the policy says and goes back', async () => {
      const csrf = await csrfFromPage(portal.app);
      const response = await portal.app.inject({
        method: 'POST',
        url: '/i18n/setlang/',
        payload: formWithToken({ language: 'en', next: '/explore/?q=arbres' }, csrf.token),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
      });
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, '/explore/?q=arbres');
      const cookie = String(response.headers['set-cookie']);
      assert.match(cookie, /^django_language=en;/);
      assert.match(cookie, /Max-Age=31536000/);
      const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '');
      const inOneYear = Date.now() + 31_536_000_000;
      assert.ok(Math.abs(expires - inOneYear) < 60_000, 'Expires matches Max-Age');
      assert.match(cookie, /Path=\//);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /HttpOnly/);
      assert.doesNotMatch(cookie, /Secure/);
    });

    test('setlang over HTTPS (through a trusted proxy) marks the cookie Secure', async () => {
      const proxied = await startSitePortal({
        engine,
        extra: false,
        env: { DATAGORA_TRUST_PROXY: 'true' },
      });
      try {
        const https = { 'x-forwarded-proto': 'https', host: 'data.example.fr' };
        const csrf = await csrfFromPage(proxied.app, '/', https);
        const response = await proxied.app.inject({
          method: 'POST',
          url: '/i18n/setlang/',
          payload: formWithToken({ language: 'fr', next: '/' }, csrf.token),
          headers: {
            ...https,
            'content-type': 'application/x-www-form-urlencoded',
            origin: 'https://data.example.fr',
            cookie: csrf.cookie,
          },
        });
        assert.match(String(response.headers['set-cookie']), /Secure/);
      } finally {
        await proxied.close();
      }
    });

    test('setlang never redirects off the site and ignores unknown languages', async () => {
      const csrf = await csrfFromPage(portal.app);
      for (const next of [
        'https://evil.example/',
        '//evil.example/',
        '/\\evil.example',
        'javascript:alert(1)',
        '',
      ]) {
        const response = await portal.app.inject({
          method: 'POST',
          url: '/i18n/setlang/',
          payload: formWithToken({ language: 'de', next }, csrf.token),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
        });
        assert.equal(response.statusCode, 302);
        assert.equal(response.headers.location, '/', next);
        assert.equal(response.headers['set-cookie'], undefined);
      }
    });

    test('the language is set only by POST: a GET of setlang is a 404 page', async () => {
      const page = await getPage(portal, '/i18n/setlang/?language=en');
      assert.equal(page.status, 404);
      assert.doesNotMatch(String(page.headers['set-cookie']), /django_language/);
    });
  });
