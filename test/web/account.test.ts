// Signing in and out, the account page, API keys made there, password changes and the throttle,
// through real HTTP requests to the app (cookies carried by hand, as a browser would).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { LightMyRequestResponse } from 'fastify';

import { SESSION_LIFETIME_SECONDS, authServices } from '../../src/auth/index.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { csrfFromPage, formWithToken } from '../helpers/csrf.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';

const PASSWORD = 'a long enough password';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' };

function setCookies(response: LightMyRequestResponse): string[] {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []);
}

function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  const line = setCookies(response).find((c) => c.startsWith(`${name}=`));
  return line?.split(';')[0]!.slice(name.length + 1);
}

for (const engine of TEST_ENGINES)
  describe(`accounts on the site (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
      const { accounts } = authServices(portal.engine.accounts, portal.engine.metadata);
      await accounts.createUser({ email: 'ann@example.org', name: 'Ann', password: PASSWORD });
    });
    after(() => portal.close());

    /** Signs in as a browser would: loads the form, posts it; returns the response and cookies. */
    async function signIn(email: string, password: string, extraCookie = '') {
      const csrf = await csrfFromPage(portal.app, '/login/');
      const response = await portal.app.inject({
        method: 'POST',
        url: '/login/',
        headers: { ...FORM, cookie: [csrf.cookie, extraCookie].filter(Boolean).join('; ') },
        payload: formWithToken({ email, password, next: '/explore/' }, csrf.token),
      });
      return { response, csrf };
    }

    async function browse(url: string, sessionKey: string) {
      const csrf = await csrfFromPage(portal.app, '/');
      return { csrf, cookie: `sessionid=${sessionKey}; ${csrf.cookie}`, url };
    }

    test('the sign-in page is a plain form with the CSRF token, never cached', async () => {
      const response = await portal.app.inject({ url: '/login/?next=/explore/', headers: FORM });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(response.body, /<form method="post" action="\/login\/"/);
      assert.match(response.body, /name="csrfmiddlewaretoken"/);
      assert.match(response.body, /autocomplete="current-password"/);
      assert.match(response.body, /name="next" value="\/explore\/"/);
    });

    test('a good password starts a session with Django’s attributes and a new CSRF secret', async () => {
      const { response, csrf } = await signIn('ANN@example.org ', PASSWORD);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/explore/');
      const line = setCookies(response).find((c) => c.startsWith('sessionid='))!;
      assert.match(line, /^sessionid=[a-z0-9]{32};/);
      assert.match(line, new RegExp(`Max-Age=${SESSION_LIFETIME_SECONDS}`));
      assert.match(line, /; Expires=/);
      assert.match(line, /; HttpOnly/);
      assert.match(line, /; SameSite=Lax/);
      assert.match(line, /; Path=\//);
      assert.doesNotMatch(line, /Domain=|Secure/);
      const rotated = cookieValue(response, 'csrftoken');
      assert.ok(rotated && rotated !== csrf.secret, 'the CSRF secret changes at sign-in');
    });

    test('a wrong password and an unknown account get the same answer', async () => {
      const wrong = await signIn('ann@example.org', 'not the password');
      const unknown = await signIn('zoe@example.org', 'not the password');
      assert.equal(wrong.response.statusCode, 401);
      assert.equal(unknown.response.statusCode, 401);
      const strip = (body: string) =>
        body.replace(/value="[A-Za-z0-9]{64}"/g, '').replace(/value="[^"]*@example\.org"/g, '');
      assert.equal(strip(wrong.response.body), strip(unknown.response.body));
      assert.ok(
        wrong.response.body.includes(en['login.failed'].replace('’', '&#8217;')) ||
          wrong.response.body.includes(en['login.failed']),
      );
      assert.equal(cookieValue(wrong.response, 'sessionid'), undefined);
    });

    test('sign-in gives a new key: a key planted beforehand is ended, never adopted', async () => {
      const first = await signIn('ann@example.org', PASSWORD);
      const planted = cookieValue(first.response, 'sessionid')!;
      const second = await signIn('ann@example.org', PASSWORD, `sessionid=${planted}`);
      const issued = cookieValue(second.response, 'sessionid')!;
      assert.notEqual(issued, planted);
      const page = await portal.app.inject({
        url: '/account/',
        headers: { cookie: `sessionid=${planted}` },
      });
      assert.equal(page.statusCode, 303, 'the earlier session ended');
    });

    test('the account page needs a session; it shows the user and creates an API key once', async () => {
      const anonymous = await portal.app.inject({ url: '/account/' });
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, '/login/?next=%2Faccount%2F');
      const anonymousForm = await csrfFromPage(portal.app, '/login/');
      const posted = await portal.app.inject({
        method: 'POST',
        url: '/account/api-keys/',
        headers: { ...FORM, cookie: anonymousForm.cookie },
        payload: formWithToken({ label: 'x' }, anonymousForm.token),
      });
      assert.equal(posted.statusCode, 303);
      assert.equal(posted.headers.location, '/login/?next=%2Faccount%2F', 'not back to a POST URL');
      const key = cookieValue((await signIn('ann@example.org', PASSWORD)).response, 'sessionid')!;
      const { csrf, cookie } = await browse('/account/', key);
      const page = await portal.app.inject({ url: '/account/', headers: { ...FORM, cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /ann@example\.org/);
      assert.match(page.body, /Sign out/);
      const created = await portal.app.inject({
        method: 'POST',
        url: '/account/api-keys/',
        headers: { ...FORM, cookie },
        payload: formWithToken({ label: 'my script', scope: 'read', expires: '' }, csrf.token),
      });
      assert.equal(created.statusCode, 200);
      const apiKey = /<code id="new-api-key"[^>]*>([a-z0-9]{48})<\/code>/.exec(created.body)?.[1];
      assert.ok(apiKey, 'the new key is shown');
      const again = await portal.app.inject({ url: '/account/', headers: { ...FORM, cookie } });
      assert.ok(!again.body.includes(apiKey), 'and never again');
      assert.match(again.body, new RegExp(`${apiKey.slice(0, 8)}…`));
      const api = '/api/explore/v2.1/catalog/datasets';
      const call = await portal.app.inject({
        url: api,
        headers: { authorization: `Apikey ${apiKey}` },
      });
      assert.equal(call.statusCode, 200);
      const keyId = /\/account\/api-keys\/(ak_[a-z0-9]{16})\/revoke\//.exec(again.body)?.[1];
      const revoked = await portal.app.inject({
        method: 'POST',
        url: `/account/api-keys/${keyId}/revoke/`,
        headers: { ...FORM, cookie },
        payload: formWithToken({}, csrf.token),
      });
      assert.equal(revoked.statusCode, 200);
      const refused = await portal.app.inject({
        url: api,
        headers: { authorization: `Apikey ${apiKey}` },
      });
      assert.equal(refused.statusCode, 401);
      const badExpiry = await portal.app.inject({
        method: 'POST',
        url: '/account/api-keys/',
        headers: { ...FORM, cookie },
        payload: formWithToken({ label: 'x', scope: 'read', expires: '2001-01-01' }, csrf.token),
      });
      assert.equal(badExpiry.statusCode, 400);
      assert.ok(badExpiry.body.includes('expiry date must be in the future'));
    });

    test('a password change ends the other sessions and renews this one', async () => {
      const { accounts } = authServices(portal.engine.accounts, portal.engine.metadata);
      await accounts.createUser({ email: 'bob@example.org', name: 'Bob', password: PASSWORD });
      const elsewhere = cookieValue(
        (await signIn('bob@example.org', PASSWORD)).response,
        'sessionid',
      )!;
      const here = cookieValue((await signIn('bob@example.org', PASSWORD)).response, 'sessionid')!;
      const { csrf, cookie } = await browse('/account/', here);
      const post = (fields: Record<string, string>) =>
        portal.app.inject({
          method: 'POST',
          url: '/account/password/',
          headers: { ...FORM, cookie },
          payload: formWithToken(fields, csrf.token),
        });
      const mismatch = await post({
        current: PASSWORD,
        password: 'new password 123',
        confirm: 'other',
      });
      assert.equal(mismatch.statusCode, 400);
      const wrong = await post({
        current: 'bad',
        password: 'new password 123',
        confirm: 'new password 123',
      });
      assert.equal(wrong.statusCode, 400);
      const changed = await post({
        current: PASSWORD,
        password: 'new password 123',
        confirm: 'new password 123',
      });
      assert.equal(changed.statusCode, 200);
      const renewed = cookieValue(changed, 'sessionid')!;
      assert.match(renewed, /^[a-z0-9]{32}$/);
      assert.notEqual(renewed, here);
      for (const old of [elsewhere, here]) {
        const page = await portal.app.inject({
          url: '/account/',
          headers: { cookie: `sessionid=${old}` },
        });
        assert.equal(page.statusCode, 303);
      }
      const fresh = await portal.app.inject({
        url: '/account/',
        headers: { cookie: `sessionid=${renewed}` },
      });
      assert.equal(fresh.statusCode, 200);
    });

    test('sign-out destroys the session and clears the cookie', async () => {
      const key = cookieValue((await signIn('ann@example.org', PASSWORD)).response, 'sessionid')!;
      const { csrf, cookie } = await browse('/logout/', key);
      const confirm = await portal.app.inject({ url: '/logout/', headers: { ...FORM, cookie } });
      assert.match(confirm.body, /action="\/logout\/"/);
      const out = await portal.app.inject({
        method: 'POST',
        url: '/logout/',
        headers: { ...FORM, cookie },
        payload: formWithToken({}, csrf.token),
      });
      assert.equal(out.statusCode, 303);
      assert.match(
        setCookies(out).find((c) => c.startsWith('sessionid='))!,
        /^sessionid=;.*Max-Age=0/,
      );
      const after = await portal.app.inject({
        url: '/account/',
        headers: { cookie: `sessionid=${key}` },
      });
      assert.equal(after.statusCode, 303);
    });

    test('an expired session is anonymous', async () => {
      const key = cookieValue((await signIn('ann@example.org', PASSWORD)).response, 'sessionid')!;
      const session = (await portal.engine.accounts.getSession(key))!;
      await portal.engine.accounts.deleteSession(key);
      await portal.engine.accounts.createSession({
        ...session,
        expiresAt: '2020-01-01T00:00:00.000Z',
      });
      const page = await portal.app.inject({
        url: '/account/',
        headers: { cookie: `sessionid=${key}` },
      });
      assert.equal(page.statusCode, 303);
    });

    test('five failures lock the account for a while, even with the right password next', async () => {
      const { accounts } = authServices(portal.engine.accounts, portal.engine.metadata);
      await accounts.createUser({ email: 'cy@example.org', password: PASSWORD });
      for (let i = 0; i < 5; i++) {
        assert.equal((await signIn('cy@example.org', `wrong ${i}`)).response.statusCode, 401);
      }
      const locked = await signIn('cy@example.org', PASSWORD);
      assert.equal(locked.response.statusCode, 429);
      assert.ok(locked.response.body.includes('Try again in 15 minutes'));
    });
  });
