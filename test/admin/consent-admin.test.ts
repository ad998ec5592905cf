// The back office's consent page over real HTTP: administrators only; a service added through
// the form shows in the list, the registry and the banner; a bad URL comes back with the message
// next to the field and the typed values; removal needs its confirmation; the cookie policy
// texts show on /cookies/ in the visitor's language, Markdown rendered, never a script.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { en } from '../../src/i18n/messages/en.ts';
import { csrfFromPage, formWithToken } from '../helpers/csrf.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { staffSessions } from '../helpers/staff-sessions.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const PAGE = '/backoffice/consent/';

const VIDEO = {
  id: 'video-host',
  kind: 'iframe',
  category: 'third-party',
  url: 'https://video.example.org/embed/42',
  name: 'Video Host',
  provider: 'Video Company',
  purposeFr: 'Vidéo de présentation',
  purposeEn: 'Introduction video',
  cookies: 'vh_id:31536000\r\nvh_session:session',
  attribution: '',
  privacyUrl: 'https://video.example.org/privacy',
};

for (const engine of TEST_ENGINES) {
  describe(`the back office consent page (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';

    before(async () => {
      portal = await startTestPortal({ engine });
      ({ admin, user } = await staffSessions(portal));
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string, lang = 'en') =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': lang, ...(cookie ? { cookie } : {}) },
      });

    async function post(url: string, fields: Record<string, string>, session = admin) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${session}; ${csrf.cookie}`,
        },
        payload: formWithToken(fields, csrf.token),
      });
    }

    test('anonymous visitors sign in first; other accounts are refused', async () => {
      const anonymous = await get(PAGE);
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/login/?next=${encodeURIComponent(PAGE)}`);
      const refused = await get(PAGE, user);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /Access reserved to administrators/);
      const posted = await post(`${PAGE}services`, VIDEO, user);
      assert.equal(posted.statusCode, 403);
      assert.equal((await portal.services.consent.listServices()).length, 0);
    });

    test('/backoffice/ leads administrators to its first section, others to sign-in', async () => {
      const entry = await get('/backoffice/', admin);
      assert.equal(entry.statusCode, 302);
      assert.equal(entry.headers.location, '/backoffice/datasets/');
      assert.equal((await get('/backoffice/')).headers.location, '/login/?next=%2Fbackoffice%2F');
      assert.equal((await get('/backoffice/', user)).statusCode, 403);
    });

    test('the statistics page and this one share the back office menu', async () => {
      const html = parse((await get(PAGE, admin)).body);
      const current = html.querySelector('.fr-sidemenu a[aria-current="page"]');
      assert.equal(current?.getAttribute('href'), PAGE);
      assert.ok(html.querySelector('.fr-sidemenu a[href="/backoffice/statistics/"]'));
    });

    test('a bad URL comes back with the message next to it and every value typed', async () => {
      const response = await post(`${PAGE}services`, {
        ...VIDEO,
        url: 'ftp://video.example.org/x',
      });
      assert.equal(response.statusCode, 400);
      const html = parse(response.body);
      assert.equal(html.querySelector('#service-url-error')?.text, en['bo.error.url']);
      assert.match(
        html.querySelector('#service-url')!.getAttribute('aria-describedby')!,
        /service-url-error/,
      );
      assert.equal(
        html.querySelector('#service-url')?.getAttribute('value'),
        'ftp://video.example.org/x',
      );
      assert.equal(html.querySelector('#service-name')?.getAttribute('value'), VIDEO.name);
      assert.equal(html.querySelector('#service-purposeFr')?.text, VIDEO.purposeFr);
      assert.equal(html.querySelector('#service-cookies')?.text, VIDEO.cookies);
      assert.ok(html.querySelector('#service-kind option[value="iframe"][selected]'));
      assert.equal(html.querySelectorAll('.fr-error-text').length, 1);
      assert.equal((await portal.services.consent.listServices()).length, 0);
    });

    test('empty fields and unreadable cookie lines are each marked', async () => {
      const response = await post(`${PAGE}services`, { ...VIDEO, name: ' ', cookies: 'vh_id=3' });
      assert.equal(response.statusCode, 400);
      const html = parse(response.body);
      assert.equal(html.querySelector('#service-name-error')?.text, en['bo.error.required']);
      assert.equal(
        html.querySelector('#service-cookies-error')?.text,
        en['bo.error.cookieLine'].replace('{line}', 'vh_id=3'),
      );
    });

    test('a service added through the form is listed, published and behind the banner', async () => {
      const response = await post(`${PAGE}services`, VIDEO);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `${PAGE}?done=saved&id=video-host`);
      const page = parse((await get(response.headers.location, admin)).body);
      assert.match(page.querySelector('#consent-notice')!.text, /video-host/);
      const row = page.querySelector('#service-row-video-host');
      assert.ok(row, 'the service is listed');
      assert.match(row.text, /Video Company/);
      assert.match(row.text, /vh_session/);
      const registry = (await get('/cookies/registry.json')).json() as {
        services: { id: string; cookies: { name: string; maxAgeSeconds: number }[] }[];
      };
      const listed = registry.services.find((s) => s.id === 'video-host');
      assert.deepEqual(
        listed?.cookies.map((c) => [c.name, c.maxAgeSeconds]),
        [
          ['vh_id', 31536000],
          ['vh_session', 0],
        ],
      );
      // Consent is read again after a short while; the service's own cache was cleared on save.
      const home = parse((await get('/')).body);
      assert.ok(home.querySelector('#consent-banner'), 'visitors are asked');
      assert.equal(home.querySelector('iframe[src^="https://video.example.org"]'), null);
    });

    test('removing needs the confirmation; then the service is gone', async () => {
      const unconfirmed = await post(`${PAGE}services/remove`, { id: 'video-host' });
      assert.equal(unconfirmed.statusCode, 400);
      assert.equal(
        parse(unconfirmed.body).querySelector('#remove-video-host-error')?.text,
        en['bo.services.removeUnconfirmed'],
      );
      assert.equal((await portal.services.consent.listServices()).length, 1);
      const removed = await post(`${PAGE}services/remove`, { id: 'video-host', confirm: 'yes' });
      assert.equal(removed.statusCode, 303);
      const page = parse((await get(PAGE, admin)).body);
      assert.equal(page.querySelector('#service-row-video-host'), null);
      const again = await post(`${PAGE}services/remove`, { id: 'video-host', confirm: 'yes' });
      assert.equal(again.statusCode, 404);
    });

    test('the cookie policy texts show on /cookies/ in the visitor language', async () => {
      const response = await post(`${PAGE}texts`, {
        'cookie-policy.before:fr': 'Avant les **tableaux**. <script>alert(1)</script>',
        'cookie-policy.before:en': 'Before the [tables](https://example.org/more).',
        'cookie-policy.after:fr': '',
        'cookie-policy.after:en': '- after one\n- after two',
      });
      assert.equal(response.statusCode, 303);
      const adminPage = parse((await get(response.headers.location!, admin)).body);
      assert.equal(
        adminPage.querySelector('#consent-notice')?.text.trim(),
        en['bo.consent.notice.texts'],
      );
      assert.equal(
        adminPage.querySelector('#text-cookie-policy-before-en')?.text,
        'Before the [tables](https://example.org/more).',
      );
      const french = await get('/cookies/', undefined, 'fr');
      assert.match(french.body, /Avant les <strong>tableaux<\/strong>/);
      assert.doesNotMatch(french.body, /<script>alert/);
      assert.match(french.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(french.body, /after one/);
      const english = parse((await get('/cookies/', undefined, 'en')).body);
      const texts = english.querySelectorAll('.dg-portal-text');
      assert.equal(texts.length, 2);
      assert.equal(texts[0]!.querySelector('a')?.getAttribute('href'), 'https://example.org/more');
      assert.deepEqual(
        texts[1]!.querySelectorAll('li').map((li) => li.text),
        ['after one', 'after two'],
      );
      // Before the first table, after the last one.
      const body = english.toString();
      assert.ok(body.indexOf('dg-portal-text') < body.indexOf('id="cookies-necessary"'));
      assert.ok(body.lastIndexOf('dg-portal-text') > body.lastIndexOf('id="cookies-third-party'));
      assert.doesNotMatch(english.toString(), /Avant les/);
    });

    test('a text too long comes back, kept, with its message', async () => {
      const long = 'x'.repeat(20_001);
      const response = await post(`${PAGE}texts`, { 'cookie-policy.after:fr': long });
      assert.equal(response.statusCode, 400);
      const html = parse(response.body);
      assert.equal(html.querySelector('#text-cookie-policy-after-fr')?.text, long);
      assert.ok(html.querySelector('#text-cookie-policy-after-fr-error'));
    });
  });
}
