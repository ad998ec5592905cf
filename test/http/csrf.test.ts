// The CSRF suite over every unsafe route of the portal. UNSAFE_ROUTES is the table: add each
// new unsafe route (sign-in, sign-out, API keys, consent…) to it, and every case below runs on it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';

import { fr } from '../../src/i18n/messages/fr.ts';
import { maskCsrfSecret, newCsrfSecret } from '../../src/http/csrf/token.ts';
import { rotateCsrfSecret } from '../../src/http/plugins/csrf.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';

interface UnsafeRoute {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Form fields of a request the route accepts; null for a route that takes no form. */
  form: Record<string, string> | null;
  /** Extra cookies the route needs to be checked at all (the session cookie on the API). */
  cookies?: string;
  /** The status of an accepted request. */
  accepted: number;
  /** An API route answers ODS JSON; a site route a page. */
  api: boolean;
}

export const UNSAFE_ROUTES: UnsafeRoute[] = [
  {
    name: 'language choice',
    method: 'POST',
    url: '/i18n/setlang/',
    form: { language: 'en', next: '/explore/' },
    accepted: 302,
    api: false,
  },
  {
    name: 'sign-in (a wrong password still passes the CSRF check first)',
    method: 'POST',
    url: '/login/',
    // A new address each time, so that the sign-in throttle never answers instead (429).
    form: {
      get email() {
        return `nobody-${Math.random().toString(36).slice(2)}@example.org`;
      },
      password: 'not a password',
      next: '/',
    },
    accepted: 401,
    api: false,
  },
  {
    name: 'sign-out',
    method: 'POST',
    url: '/logout/',
    form: {},
    accepted: 303,
    api: false,
  },
  // Without a live session the account routes send the visitor to the sign-in page (303), but
  // only once the CSRF check has let the request through.
  {
    name: 'password change',
    method: 'POST',
    url: '/account/password/',
    form: { current: 'x', password: 'y', confirm: 'y' },
    accepted: 303,
    api: false,
  },
  {
    name: 'API key creation',
    method: 'POST',
    url: '/account/api-keys/',
    form: { label: 'script', scope: 'read' },
    accepted: 303,
    api: false,
  },
  {
    name: 'API key revocation',
    method: 'POST',
    url: '/account/api-keys/ak_0000000000000000/revoke/',
    form: {},
    accepted: 303,
    api: false,
  },
  // The back office's forms: without a session they send the visitor to the sign-in page.
  {
    name: 'back office: add a third-party service',
    method: 'POST',
    url: '/backoffice/consent/services/',
    form: { id: 'video', kind: 'iframe', url: 'https://video.example.org/' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: remove a third-party service',
    method: 'POST',
    url: '/backoffice/consent/services/remove/',
    form: { id: 'video', confirm: 'yes' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: cookie policy texts',
    method: 'POST',
    url: '/backoffice/consent/texts/',
    form: { 'cookie-policy.before:fr': 'Bonjour' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: upload for a new dataset',
    method: 'POST',
    url: '/backoffice/datasets/new/',
    form: { kind: 'url', url: 'http://127.0.0.1/x.csv' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: create a dataset from its preview',
    method: 'POST',
    url: '/backoffice/datasets/new/create/',
    form: { upload: '0'.repeat(32), publish: 'no' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: replace a source file',
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/source/file/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: "back office: a source's URL and schedule",
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/source/url/',
    form: { url: 'https://example.org/x.csv', schedule: 'daily' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: refresh a source now',
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/source/refresh/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: add an attachment',
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/attachments/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: "back office: replace an attachment's file",
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/attachments/notice_pdf/replace/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: delete an attachment',
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/attachments/notice_pdf/delete/',
    form: { confirm: 'yes' },
    accepted: 303,
    api: false,
  },
  {
    name: "back office: a dataset's visibility",
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/access/visibility/',
    form: { visibility: 'restricted' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: grant read access to a dataset',
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/access/grant/',
    form: { grantee: 'user@example.org' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: revoke read access to a dataset',
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/access/revoke/',
    form: { kind: 'user', grantee: 'us_0000000000000000' },
    accepted: 303,
    api: false,
  },
  {
    name: "back office: add a dataset's editor",
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/access/editors/',
    form: { user: 'us_0000000000000000' },
    accepted: 303,
    api: false,
  },
  {
    name: "back office: remove a dataset's editor",
    method: 'POST',
    url: '/backoffice/datasets/export_alimconfiance/access/editors/remove/',
    form: { user: 'us_0000000000000000' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: create a user',
    method: 'POST',
    url: '/backoffice/users/',
    form: { email: 'new@example.org', role: 'user' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: change a user',
    method: 'POST',
    url: '/backoffice/users/us_0000000000000000/',
    form: { name: 'Someone', role: 'user' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: new password for a user',
    method: 'POST',
    url: '/backoffice/users/us_0000000000000000/password/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: delete a user',
    method: 'POST',
    url: '/backoffice/users/us_0000000000000000/delete/',
    form: { confirm: 'yes' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: create a group',
    method: 'POST',
    url: '/backoffice/groups/',
    form: { name: 'Inspectors' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: rename a group',
    method: 'POST',
    url: '/backoffice/groups/gr_0000000000000000/',
    form: { name: 'Labs' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: add a group member',
    method: 'POST',
    url: '/backoffice/groups/gr_0000000000000000/members/',
    form: { email: 'a@example.org' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: remove a group member',
    method: 'POST',
    url: '/backoffice/groups/gr_0000000000000000/members/remove/',
    form: { user: 'us_0000000000000000' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: delete a group',
    method: 'POST',
    url: '/backoffice/groups/gr_0000000000000000/delete/',
    form: { confirm: 'yes' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: create an API key',
    method: 'POST',
    url: '/backoffice/api-keys/',
    form: { label: 'script', scope: 'read' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: revoke an API key',
    method: 'POST',
    url: '/backoffice/api-keys/ak_0000000000000000/revoke/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: portal settings',
    method: 'POST',
    url: '/backoffice/settings/',
    form: { portalName: 'Portal' },
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: upload a logo (its form is multipart; the check is the same)',
    method: 'POST',
    url: '/backoffice/settings/logo/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: 'back office: remove the logo',
    method: 'POST',
    url: '/backoffice/settings/logo/remove/',
    form: {},
    accepted: 303,
    api: false,
  },
  {
    name: 'API v1 search called with the session cookie',
    method: 'POST',
    url: '/api/records/1.0/search/?dataset=export_alimconfiance&rows=0',
    form: { q: 'pizza' },
    cookies: 'sessionid=any-session-key',
    accepted: 200,
    api: true,
  },
];

const HOST = 'data.example.fr';
const TRUSTED = 'https://admin.example.org';

/** The reasons, as the site's page and the API's message tell them. */
const REASONS = {
  crossSite: { page: fr['csrf.reason.crossSite'], api: /another site/ },
  origin: { page: fr['csrf.reason.origin'], api: /Origin header/ },
  referer: { page: fr['csrf.reason.referer'], api: /Referer/ },
  cookie: { page: fr['csrf.reason.cookie'], api: /cookie is missing/ },
  tokenMissing: { page: fr['csrf.reason.tokenMissing'], api: /carries no token/ },
  tokenWrong: { page: fr['csrf.reason.tokenWrong'], api: /does not match/ },
};

interface Attempt {
  /** Sent as the form field. */
  field?: string;
  /** Sent as the X-CSRFToken header. */
  header?: string;
  /** The csrftoken cookie's value (omitted: no cookie). */
  secret?: string;
  headers?: Record<string, string>;
}

async function send(app: FastifyInstance, route: UnsafeRoute, attempt: Attempt) {
  const cookies = [route.cookies, attempt.secret && `csrftoken=${attempt.secret}`].filter(Boolean);
  const fields = { ...(route.form ?? {}) };
  if (attempt.field !== undefined) fields['csrfmiddlewaretoken'] = attempt.field;
  return app.inject({
    method: route.method,
    url: route.url,
    headers: {
      host: HOST,
      'accept-language': 'fr',
      ...(route.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(cookies.length ? { cookie: cookies.join('; ') } : {}),
      ...(attempt.header !== undefined ? { 'x-csrftoken': attempt.header } : {}),
      ...attempt.headers,
    },
    payload: route.form ? new URLSearchParams(fields).toString() : undefined,
  });
}

function assertRefused(
  route: UnsafeRoute,
  response: Awaited<ReturnType<typeof send>>,
  reason: keyof typeof REASONS,
) {
  assert.equal(response.statusCode, 403, `${route.name}: ${response.body.slice(0, 300)}`);
  if (route.api) {
    const body = response.json() as { error_code: string; message: string };
    assert.equal(body.error_code, 'CSRFError');
    assert.match(body.message, REASONS[reason].api);
  } else {
    assert.match(String(response.headers['content-type']), /^text\/html/);
    const dom = parse(response.body);
    assert.equal(dom.querySelector('h1')?.text, fr['csrf.title']);
    assert.equal(dom.querySelector('#csrf-reason')?.text, REASONS[reason].page);
    assert.ok(dom.querySelector('a[href="/cookies/"]'), 'the page points to the cookie policy');
  }
  assert.doesNotMatch(String(response.headers['set-cookie']), /django_language/);
}

for (const engine of TEST_ENGINES)
  describe(`CSRF: every unsafe route refuses forged requests and accepts genuine ones (${engine})`, () => {
    let portal: TestPortal;
    let https: TestPortal;
    before(async () => {
      const env = { DATAGORA_CSRF_TRUSTED_ORIGINS: TRUSTED };
      portal = await startTestPortal({ engine, demo: true, env });
      https = await startTestPortal({
        engine,
        demo: true,
        env: { ...env, DATAGORA_TRUST_PROXY: 'true' },
      });
      // What the sign-in route will do: a test route that rotates the visitor's secret.
      portal.app.get('/test-only/rotate', async (request, reply) => {
        rotateCsrfSecret(request, reply);
        return 'rotated';
      });
    });
    after(async () => {
      await portal.close();
      await https.close();
    });

    const own = { origin: `http://${HOST}` };

    for (const route of UNSAFE_ROUTES) {
      describe(route.name, () => {
        test('refused: sent by another site (Sec-Fetch-Site: cross-site, same-site)', async () => {
          const secret = newCsrfSecret();
          const token = maskCsrfSecret(secret);
          for (const site of ['cross-site', 'same-site']) {
            const response = await send(portal.app, route, {
              secret,
              field: token,
              header: token,
              headers: { 'sec-fetch-site': site, origin: 'https://blog.example.fr' },
            });
            assertRefused(route, response, 'crossSite');
          }
        });

        test('refused: a foreign Origin (or "null"), even with a valid token', async () => {
          const secret = newCsrfSecret();
          for (const origin of ['https://evil.example', 'null', `https://${HOST}`]) {
            const response = await send(portal.app, route, {
              secret,
              header: maskCsrfSecret(secret),
              headers: { origin },
            });
            assertRefused(route, response, 'origin');
          }
        });

        test('refused: over HTTPS without Origin, no Referer or a foreign one', async () => {
          const secret = newCsrfSecret();
          for (const referer of [undefined, 'https://evil.example/', `http://${HOST}/`]) {
            const response = await send(https.app, route, {
              secret,
              header: maskCsrfSecret(secret),
              headers: { 'x-forwarded-proto': 'https', ...(referer ? { referer } : {}) },
            });
            assertRefused(route, response, 'referer');
          }
        });

        test('refused: no csrftoken cookie, or a malformed one', async () => {
          const secret = newCsrfSecret();
          for (const cookie of [undefined, 'short', `${secret}!`]) {
            const response = await send(portal.app, route, {
              secret: cookie,
              header: maskCsrfSecret(secret),
              headers: own,
            });
            assertRefused(route, response, 'cookie');
          }
        });

        test('refused: no token in the field nor the header', async () => {
          const response = await send(portal.app, route, {
            secret: newCsrfSecret(),
            field: '',
            headers: own,
          });
          assertRefused(route, response, 'tokenMissing');
        });

        test('refused: a wrong token (another secret’s, malformed, the masked token as cookie)', async () => {
          const secret = newCsrfSecret();
          const other = newCsrfSecret();
          for (const token of [maskCsrfSecret(other), other, 'x'.repeat(63), `${secret}?`]) {
            const response = await send(portal.app, route, { secret, header: token, headers: own });
            assertRefused(route, response, 'tokenWrong');
          }
        });

        test('refused: a stale token, from a page served before the secret was rotated', async () => {
          const page = await csrfFromPage(portal.app, '/', { host: HOST });
          const rotated = await portal.app.inject({
            url: '/test-only/rotate',
            headers: { host: HOST, cookie: page.cookie },
          });
          const newSecret = /csrftoken=(\w+);/.exec(String(rotated.headers['set-cookie']))?.[1];
          assert.ok(newSecret && newSecret !== page.secret, 'the rotation sets a new secret');
          const response = await send(portal.app, route, {
            secret: newSecret,
            field: route.form ? page.token : undefined,
            header: route.form ? undefined : page.token,
            headers: own,
          });
          assertRefused(route, response, 'tokenWrong');
        });

        test('accepted: the page’s token in the field or the header, masked or raw', async () => {
          const page = await csrfFromPage(portal.app, '/', { host: HOST });
          const attempts: Attempt[] = [
            { header: page.token },
            { header: page.secret },
            { header: maskCsrfSecret(page.secret) },
          ];
          if (route.form) attempts.push({ field: page.token }, { field: page.secret });
          for (const attempt of attempts) {
            const response = await send(portal.app, route, {
              ...attempt,
              secret: page.secret,
              headers: { ...own, 'sec-fetch-site': 'same-origin' },
            });
            assert.equal(response.statusCode, route.accepted, JSON.stringify(attempt));
          }
        });

        test('accepted: a trusted origin, a same-site trusted origin, no Origin over HTTP', async () => {
          const secret = newCsrfSecret();
          for (const headers of [
            { origin: TRUSTED },
            { origin: TRUSTED, 'sec-fetch-site': 'same-site' },
            {},
          ] as Record<string, string>[]) {
            const response = await send(portal.app, route, {
              secret,
              header: maskCsrfSecret(secret),
              headers,
            });
            assert.equal(response.statusCode, route.accepted, JSON.stringify(headers));
          }
        });

        test('accepted over HTTPS: Origin of the site, or a same-site Referer without Origin', async () => {
          const secret = newCsrfSecret();
          for (const headers of [
            { origin: `https://${HOST}` },
            { referer: `https://${HOST}/explore/` },
            { referer: `${TRUSTED}/page` },
          ] as Record<string, string>[]) {
            const response = await send(https.app, route, {
              secret,
              header: maskCsrfSecret(secret),
              headers: { 'x-forwarded-proto': 'https', ...headers },
            });
            assert.equal(response.statusCode, route.accepted, JSON.stringify(headers));
          }
        });
      });
    }
  });

for (const engine of TEST_ENGINES)
  describe(`CSRF: what is checked and what is not (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine, demo: true });
    });
    after(async () => portal.close());

    const SEARCH = '/api/records/1.0/search/?dataset=export_alimconfiance&rows=0';

    test('an API POST without the session cookie is not checked (anonymous, cross-site)', async () => {
      const response = await portal.app.inject({
        method: 'POST',
        url: SEARCH,
        headers: { 'sec-fetch-site': 'cross-site', origin: 'https://other.example' },
      });
      assert.equal(response.statusCode, 200);
    });

    test('an API request authenticated by API key is never checked', async () => {
      for (const credential of [{ authorization: 'Apikey k' }, { authorization: 'apikey k' }]) {
        const response = await portal.app.inject({
          method: 'POST',
          url: SEARCH,
          headers: { cookie: 'sessionid=s', 'sec-fetch-site': 'cross-site', ...credential },
        });
        // The key is unknown (401), which shows the request reached the key check untouched.
        assert.equal(response.statusCode, 401);
      }
      const query = await portal.app.inject({
        method: 'POST',
        url: `${SEARCH}&apikey=k`,
        headers: { cookie: 'sessionid=s', 'sec-fetch-site': 'cross-site' },
      });
      assert.equal(query.statusCode, 401);
    });

    test('safe methods are never checked; an unknown path is a 404, not a 403', async () => {
      const get = await portal.app.inject({
        url: '/explore/',
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      assert.equal(get.statusCode, 200);
      const unknown = await portal.app.inject({ method: 'POST', url: '/no/such/form/' });
      assert.equal(unknown.statusCode, 404);
    });

    test('the cookie is sent only when a page asks for a token and no valid secret exists', async () => {
      const first = await csrfFromPage(portal.app, '/');
      assert.match(first.secret, /^[A-Za-z0-9]{32}$/);
      assert.match(first.token, /^[A-Za-z0-9]{64}$/);
      const again = await portal.app.inject({
        url: '/explore/',
        headers: { cookie: first.cookie },
      });
      assert.equal(again.headers['set-cookie'], undefined, 'a valid cookie is kept');
      const token = parse(again.body)
        .querySelector('input[name=csrfmiddlewaretoken]')
        ?.getAttribute('value');
      assert.ok(token && token !== first.token, 'every page gets a fresh token');
      const broken = await portal.app.inject({ url: '/', headers: { cookie: 'csrftoken=broken' } });
      assert.match(String(broken.headers['set-cookie']), /^csrftoken=[A-Za-z0-9]{32};/);
      const api = await portal.app.inject({ url: '/api/explore/v2.1/catalog/datasets' });
      assert.equal(api.headers['set-cookie'], undefined, 'an answer without a token sets none');
    });

    test('pages holding a token vary on Cookie and are private', async () => {
      const response = await portal.app.inject({ url: '/explore/' });
      assert.match(String(response.headers['vary']), /\bCookie\b/);
      assert.equal(response.headers['cache-control'], 'private, no-cache');
    });

    test('the csrftoken cookie has the registry’s attributes, Secure over HTTPS', async () => {
      const plain = await portal.app.inject({ url: '/' });
      const cookie = String(plain.headers['set-cookie']);
      assert.match(cookie, /Max-Age=31449600/);
      assert.match(cookie, /Path=\//);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /HttpOnly|Secure/);
      const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '');
      assert.ok(Math.abs(expires - (Date.now() + 31_449_600_000)) < 60_000);
      const proxied = await startTestPortal({ engine, env: { DATAGORA_TRUST_PROXY: 'true' } });
      try {
        const secure = await proxied.app.inject({
          url: '/',
          headers: { 'x-forwarded-proto': 'https' },
        });
        assert.match(String(secure.headers['set-cookie']), /; Secure/);
      } finally {
        await proxied.close();
      }
    });
  });
